"""National-size invented data for measuring the site (`manage.py load_scale`, issue 15).

sizes.py (how much), names.py (Turkish names, organisations, provinces' weights), build.py
(the seeded state the steps share), people.py, cohorts.py, activity.py, records.py (the steps),
loader.py (the guard against real data, the steps in one transaction, timed).
"""
