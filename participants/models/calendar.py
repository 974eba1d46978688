"""A person's personal calendar feed: a secret address that calendar programs subscribe to."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class CalendarFeed(models.Model):
    """The secret of one person's calendar address. The token is random and long (256 bits,
    `secrets.token_urlsafe`): whoever has the address reads the person's sessions and their
    meeting links, so a new token (a POST on "Kayıtlarım") replaces it and the old address
    answers 404 at once."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        verbose_name=_("person"),
        on_delete=models.CASCADE,
        related_name="calendar_feed",
    )
    token = models.CharField(_("secret"), max_length=64, unique=True)
    created_at = models.DateTimeField(_("created at"))

    class Meta:
        verbose_name = _("personal calendar feed")
        verbose_name_plural = _("personal calendar feeds")

    def __str__(self) -> str:
        return str(self.user)
