"""programs views: public pages, the coordinator console and the facilitator's cohorts."""
