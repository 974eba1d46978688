from django.conf import settings


def absolute_url(path: str) -> str:
    """A site path (from reverse()) as a full address, for what is read outside the site:
    e-mails, calendar feeds, QR codes and PDFs."""
    return settings.SITE_URL.rstrip("/") + path
