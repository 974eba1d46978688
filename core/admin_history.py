"""Django admin's history (`django.contrib.admin.models.LogEntry`) and a person's erasure (KVKK).

The admin writes, for every object it adds, changes or deletes, the object's text of the moment
(`object_repr`, `str(obj)`) and a change message (JSON) that names the inline objects saved with
it by their texts too. When a person's data is erased, the apps that own rows naming them call
`admin_history_erase` so that the history keeps who changed what and when, but not their name or
address.
"""

import json
from collections.abc import Iterable, Mapping, Sequence

from django.contrib.admin.models import LogEntry
from django.contrib.contenttypes.models import ContentType
from django.db.models import CharField, Model, Q, QuerySet
from django.db.models.functions import Cast

Rows = QuerySet | Sequence[int]


def _about(rows: Mapping[type[Model], Rows]) -> Q:
    about = Q(pk__in=[])
    for model, found in rows.items():
        keys = (
            found.annotate(key=Cast("pk", CharField())).values("key")
            if isinstance(found, QuerySet)
            else [str(pk) for pk in found]
        )
        about |= Q(content_type=ContentType.objects.get_for_model(model), object_id__in=keys)
    return about


def _texts_now(
    named: Mapping[type[Model], Rows], entries: list[LogEntry], *, deleted: str
) -> dict[tuple[int, str], str]:
    """(content type, object id) → the text an entry about one of `named`'s rows gets: the
    row's own text now (one query per model whose rows the entries are about), `deleted` for
    a row deleted already. Entries found otherwise (by `holding` or `also`) get none."""
    limit = LogEntry._meta.get_field("object_repr").max_length
    ids_by_type: dict[int, set[str]] = {}
    for entry in entries:
        ids_by_type.setdefault(entry.content_type_id, set()).add(entry.object_id)
    texts = {}
    for model, rows in named.items():
        type_id = ContentType.objects.get_for_model(model).pk
        ids = ids_by_type.get(type_id, set())
        if not ids:
            continue
        if isinstance(rows, QuerySet):
            found = rows.filter(pk__in=[int(key) for key in ids if key.isdigit()])
            texts |= {(type_id, str(row.pk)): str(row)[:limit] for row in found}
        else:
            texts |= {(type_id, str(pk)): deleted for pk in rows if str(pk) in ids}
    return texts


def admin_history_erase(
    *,
    named: Mapping[type[Model], Rows],
    holding: Mapping[type[Model], QuerySet] | None = None,
    texts: Iterable[str],
    replacement: str,
    also: Q | None = None,
) -> int:
    """Rewrite the admin's history of someone erased:

    - `named`: rows whose own text names them, by model — a queryset read with what their `str`
      needs, or, for rows deleted already, a list of their former keys. An entry about one of
      them gets the text the row has now (`replacement` for a deleted row), whatever it read
      then (a name corrected since included);
    - `holding`: rows whose entries may name them inside (the inline objects of the change
      message): nothing but `texts` is replaced there;
    - `also`: more entries to look in (those that hold their address, say).

    In every entry found, each of `texts` (as written, and as JSON writes it: "\\u0130nci") is
    replaced by `replacement`. Returns how many entries changed."""
    texts = [text for text in texts if text]
    where = _about(named) | _about(holding or {}) | (also or Q(pk__in=[]))
    entries = list(LogEntry.objects.filter(where))
    if not entries:
        return 0
    replaced = dict.fromkeys(texts, replacement)
    replaced |= {json.dumps(text)[1:-1]: json.dumps(replacement)[1:-1] for text in texts}
    texts_now = _texts_now(named, entries, deleted=replacement)
    changed = []
    for entry in entries:
        represented, message = entry.object_repr, entry.change_message
        represented = texts_now.get((entry.content_type_id, entry.object_id), represented)
        for text, new in replaced.items():
            represented = represented.replace(text, new)
            message = message.replace(text, new)
        if (represented, message) != (entry.object_repr, entry.change_message):
            entry.object_repr, entry.change_message = represented, message
            changed.append(entry)
    LogEntry.objects.bulk_update(changed, ["object_repr", "change_message"])
    return len(changed)
