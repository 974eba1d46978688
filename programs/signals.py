"""What programs' services announce, sent inside their transaction (as
documents.signals.documents_ready is), so that the apps above react in the same transaction:
their receivers' writes commit or roll back with the change.

- `program_published(program)`: a programme was published (participants gives it the
  evaluation survey's questions).
- `cohort_capacity_changed(cohort, by)`: a cohort's capacity was raised, the cohort row locked
  (participants fills the new seats from the waiting list).
- `cohort_cancelled(cohort, by)`: a cohort was cancelled, the cohort row locked; each receiver
  returns how many registrations it cancelled (participants cancels every active one and
  e-mails each person).
"""

from django.dispatch import Signal

program_published = Signal()
cohort_capacity_changed = Signal()
cohort_cancelled = Signal()
