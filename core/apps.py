from celery.signals import task_postrun, task_prerun, worker_init
from django.apps import AppConfig
from django.db.backends.signals import connection_created
from django.db.models.signals import post_migrate
from django.utils.translation import gettext_lazy as _


class CoreConfig(AppConfig):
    name = "core"
    verbose_name = _("Platform")

    def ready(self) -> None:
        from core import figure_cache
        from core.background import (
            freeze_before_the_first_task,
            load_url_configuration,
            reuse_database_connection,
        )
        from core.db import register_sqlite_turkish
        from core.page_cache import watch_models
        from core.services import provinces_sync

        connection_created.connect(register_sqlite_turkish, dispatch_uid="core.turkish")
        post_migrate.connect(provinces_sync, sender=self, dispatch_uid="core.provinces_sync")
        watch_models()  # public pages leave the cache when what they show changes
        figure_cache.watch_models()  # so do the coordinator's cached figures
        task_prerun.connect(reuse_database_connection, dispatch_uid="core.db_prerun")
        task_postrun.connect(reuse_database_connection, dispatch_uid="core.db_postrun")
        task_prerun.connect(freeze_before_the_first_task, dispatch_uid="core.freeze")
        worker_init.connect(load_url_configuration, dispatch_uid="core.load_urls")
