class ExportFormatConverter:
    """`csv` or `xlsx` in a download URL."""

    regex = "csv|xlsx"

    def to_python(self, value: str) -> str:
        return value

    def to_url(self, value: str) -> str:
        return value
