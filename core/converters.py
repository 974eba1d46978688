class ExportFormatConverter:
    """`csv` or `xlsx` in a download URL."""

    regex = "csv|xlsx"

    def to_python(self, value: str) -> str:
        return value

    def to_url(self, value: str) -> str:
        return value


class OverviewTableConverter(ExportFormatConverter):
    """Which table of the programme overview: cohorts, provinces or organisation kinds."""

    regex = "donemler|iller|kurumlar|isbirligi|skh"
