"""Search that finds what people expect, on both databases.

Every word of the query must be found in one of the fields, whatever its case and Turkish
letters: "izmir", "IZMIR" and "İzmir" are one word, and so are "isbirligi" and "İŞBİRLİĞİ".
Results carry `search_rank`, higher first: a field's weight ("A" for titles … "D") counts for
each word found in it.

PostgreSQL (production, CI): full-text search, a word of the query matching the start of a
word of the text. Each field is read twice: by a stemmer (the `turkish` text-search
configuration, `english` for English fields) on Turkish-lower-cased text, so that
"kooperatifler" finds "kooperatif" and "işbirliği" finds "işbirliklerinde"; and by `simple` on
the folded text (`core.db.turkish_fold_sql`), because the stemmer keeps ç, ğ, ı, ö, ş and ü
apart from c, g, i, o, s and u. `search_rank` is `ts_rank` with the weights. The vector of the
model's own fields is one expression (`search_vector`), which a GIN index can hold; a field of
a related row ("province__name") is matched in the related table first (one more query) and
becomes `province_id IN (…)`, so that the index still serves; it adds nothing to the rank.

SQLite (the laptop default): each folded word of the query must occur in a folded field;
`search_rank` adds up the weights of the fields it occurs in. No stemming.
"""

import operator
import re
from dataclasses import dataclass
from functools import reduce

from django.contrib.postgres.search import SearchQuery, SearchRank, SearchVector
from django.db import connections
from django.db.models import (
    Aggregate,
    BooleanField,
    Case,
    Expression,
    ExpressionWrapper,
    F,
    FloatField,
    OuterRef,
    Q,
    QuerySet,
    Subquery,
    TextField,
    Value,
    When,
)
from django.db.models.constants import LOOKUP_SEP
from django.db.models.functions import Concat

from core.db import turkish_fold_sql, turkish_lower_sql
from core.text import turkish_fold, turkish_lower

MAX_WORDS = 10
WEIGHTS = {"A": 1.0, "B": 0.4, "C": 0.2, "D": 0.1}  # PostgreSQL's ts_rank defaults
# Letters and digits; the dots and slashes of "m.14" and "26/A" stay inside a word.
_WORD = re.compile(r"[^\W_]+(?:[./][^\W_]+)*")


@dataclass(frozen=True)
class SearchField:
    """A text the search reads: a field (or an expression) of the searched model, its weight
    ("A" for titles … "D") and whether it is English (stemmed as English on PostgreSQL)."""

    expression: str | Expression
    weight: str = "B"
    english: bool = False

    def resolved(self) -> Expression:
        return F(self.expression) if isinstance(self.expression, str) else self.expression


def search_words(query: str) -> list[str]:
    """The words searched for: "İzmir'deki kooperatifler" → ["İzmir", "deki", "kooperatifler"]."""
    return _WORD.findall(query)[:MAX_WORDS]


def search(queryset: QuerySet, *, query: str, fields: list[SearchField]) -> QuerySet:
    """The rows of `queryset` in which every word of `query` is found, annotated with
    `search_rank`; an empty query keeps every row (rank 0). The caller orders."""
    words = search_words(query)
    if not words:
        return queryset.annotate(search_rank=Value(0.0, output_field=FloatField()))
    if connections[queryset.db].vendor == "postgresql":
        return _full_text_search(queryset, words, fields)
    return _folded_search(queryset, words, fields)


class _JoinedText(Aggregate):
    """The texts of several rows joined by spaces (STRING_AGG; GROUP_CONCAT on SQLite)."""

    function = "STRING_AGG"
    template = "%(function)s(%(distinct)s%(expressions)s, ' ')"
    output_field = TextField()

    def as_sqlite(self, compiler, connection, **extra_context):
        return super().as_sql(compiler, connection, function="GROUP_CONCAT", **extra_context)


def related_text(related: QuerySet, *, link: str, fields: list[str]) -> Subquery:
    """For a SearchField: the `fields` of the `related` rows that point to the searched row
    through `link` (e.g. a reference's collaboration bases), as one text."""
    return Subquery(
        related.filter(**{link: OuterRef("pk")})
        .order_by()
        .values(link)
        .annotate(text=_JoinedText(_joined([F(name) for name in fields])))
        .values("text"),
        output_field=TextField(),
    )


def _joined(expressions: list[Expression]) -> Expression:
    if len(expressions) == 1:
        return expressions[0]
    spaced = [part for expression in expressions for part in (expression, Value(" "))]
    return Concat(*spaced[:-1], output_field=TextField())


def _by_weight(fields: list[SearchField]) -> dict[tuple[str, bool], list[Expression]]:
    groups: dict[tuple[str, bool], list[Expression]] = {}
    for field in fields:
        groups.setdefault((field.weight, field.english), []).append(field.resolved())
    return groups


def _word_query(word: str, *, english: bool) -> SearchQuery:
    query = SearchQuery(f"{turkish_fold(word)}:*", config="simple", search_type="raw") | (
        SearchQuery(f"{turkish_lower(word)}:*", config="turkish", search_type="raw")
    )
    if english:
        query |= SearchQuery(f"{word.lower()}:*", config="english", search_type="raw")
    return query


def search_vector(fields: list[SearchField]) -> SearchVector:
    """The PostgreSQL vector of `fields` (none of them across a relation): what the search
    matches and ranks, and what an index on it must be built from."""
    vectors = []
    for (weight, english), expressions in _by_weight(fields).items():
        stemmed = expressions if english else [turkish_lower_sql(e) for e in expressions]
        folded = [turkish_fold_sql(e, vendor="postgresql") for e in expressions]
        config = "english" if english else "turkish"
        vectors.append(SearchVector(*stemmed, config=config, weight=weight))
        vectors.append(SearchVector(*folded, config="simple", weight=weight))
    return reduce(operator.add, vectors)


def _is_related(field: SearchField) -> bool:
    return isinstance(field.expression, str) and LOOKUP_SEP in field.expression


def _related_matches(model, field: SearchField, queries: list[SearchQuery]) -> list[Q]:
    """For each query, `province__name` → `Q(province__in=[ids of the provinces it matches])`.

    One query for all the words; the ids are given as values, not as a subquery, so that
    PostgreSQL can combine the index of the own fields with the foreign key's index."""
    relation, name = field.expression.split(LOOKUP_SEP, 1)
    related = model._meta.get_field(relation).related_model
    flags = {
        f"word_{index}": ExpressionWrapper(Q(search_vector=query), output_field=BooleanField())
        for index, query in enumerate(queries)
    }
    rows = list(
        related.objects.alias(
            search_vector=search_vector([SearchField(name, field.weight, field.english)])
        )
        .annotate(**flags)
        .filter(reduce(operator.or_, (Q(search_vector=query) for query in queries)))
        .values("pk", *flags)
    )
    return [Q(**{f"{relation}__in": [row["pk"] for row in rows if row[flag]]}) for flag in flags]


def _full_text_search(queryset: QuerySet, words: list[str], fields: list[SearchField]):
    own = [field for field in fields if not _is_related(field)]
    english = any(field.english for field in fields)
    queries = [_word_query(word, english=english) for word in words]
    found = [Q(search_vector=query) for query in queries]
    for field in fields:
        if _is_related(field):
            matches = _related_matches(queryset.model, field, queries)
            found = [own_match | match for own_match, match in zip(found, matches, strict=True)]
    queryset = queryset.alias(search_vector=search_vector(own))
    for condition in found:
        queryset = queryset.filter(condition)
    return queryset.annotate(
        search_rank=SearchRank(F("search_vector"), reduce(operator.and_, queries))
    )


def _folded_search(queryset: QuerySet, words: list[str], fields: list[SearchField]):
    texts: dict[str, list[Expression]] = {}
    for (weight, _english), expressions in _by_weight(fields).items():
        texts.setdefault(weight, []).extend(expressions)
    vendor = connections[queryset.db].vendor
    queryset = queryset.alias(
        **{
            f"search_{weight.lower()}": turkish_fold_sql(_joined(expressions), vendor=vendor)
            for weight, expressions in texts.items()
        }
    )
    rank = Value(0.0, output_field=FloatField())
    for word in words:
        found = Q()
        for weight in texts:
            contains = Q(**{f"search_{weight.lower()}__contains": turkish_fold(word)})
            found |= contains
            rank += Case(When(contains, then=Value(WEIGHTS[weight])), default=Value(0.0))
        queryset = queryset.filter(found)
    return queryset.annotate(search_rank=rank)
