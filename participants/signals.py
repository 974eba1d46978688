"""What participants' services announce, sent inside their transaction (as programs.signals and
documents.signals.documents_ready are), so that the apps above react in the same transaction:
their receivers' writes commit or roll back with the change.

- `personal_data_erased(user, former_name, former_email)`: a person's data was erased (KVKK,
  services/privacy.py), their row already anonymised (`user.full_name` is `ERASED_NAME`) and
  their registrations kept; `former_name` and `former_email` are what the row said before, for
  the texts that still say it. Each app above that keeps the person's name elsewhere — a
  snapshot, a rendered document, Django admin's history of its rows — removes it in its
  receiver (certificates: the name on their certificates and the PDFs; action_plans: the plan
  PDFs that print it and the work groups' admin history, core.admin_history).
"""

from django.dispatch import Signal

personal_data_erased = Signal()
