from participants import extensions

# The programme overview's own tables (the URL name of each), before those its sections register.
OWN_OVERVIEW_TABLES = ("donemler", "iller", "kurumlar")


class OverviewTableConverter:
    """Which table of the programme overview a download URL names: its own (cohorts, provinces,
    organisation kinds) and those its sections registered (read when the URLs are first
    resolved, after every app is ready)."""

    @property
    def regex(self) -> str:
        return "|".join([*OWN_OVERVIEW_TABLES, *extensions.section_table_names()])

    def to_python(self, value: str) -> str:
        return value

    def to_url(self, value: str) -> str:
        return value
