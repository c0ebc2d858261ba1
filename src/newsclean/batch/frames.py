"""DataFrame in, DataFrame out: one function for pandas, Dask partitions and Spark's mapInPandas.

    >>> articles = clean_frame(pdf)                                            # pandas
    >>> ddf.map_partitions(clean_frame, meta=frame_meta())                     # Dask
    >>> sdf.mapInPandas(clean_frame, schema=frame_spark_schema())              # Spark

The input frame holds dumps, one per row, in the columns a record file would have (content in
`html`, `content` or `text`; optional `url`, `id`, `fetched_at`; other names via the keywords). The
output has one row per input row, in order: the article columns of `to_dataframe`, plus
`error_type` and `error_message` (null for articles). Its dtypes never depend on the data, so every
partition matches `frame_meta()`, and the Arrow schema `frame_schema()` (Spark: `frame_spark_schema()`)
describes it. Rows are parsed one after another: the engine runs the partitions in parallel.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from typing import TYPE_CHECKING, Any, Optional, Union

from ..models import Article
from .columns import DATAFRAME_COLUMNS
from .record_files import RecordFields, row_to_doc

if TYPE_CHECKING:  # pragma: no cover
    import pandas as pd

__all__ = ["FRAME_COLUMNS", "clean_frame", "frame_meta", "frame_schema", "frame_spark_schema"]

# pandas dtypes that travel through Arrow to Dask and Spark alike: no categories, nullable ints.
_FRAME_DTYPES = {"category": "string", "int64": "Int64"}
#: Output columns and their pandas dtypes.
FRAME_COLUMNS: dict[str, str] = {
    **{name: _FRAME_DTYPES.get(dtype, dtype) for name, dtype in DATAFRAME_COLUMNS.items()},
    "error_type": "string",
    "error_message": "string",
}


def _clean_one(frame: pd.DataFrame, fields: RecordFields, parse_fn: Optional[Callable[..., Article]],
               parse_kwargs: dict[str, Any]) -> pd.DataFrame:
    from .pool import iter_parse_many
    from .results import to_dataframe

    keep_all: Callable[[str, Optional[str]], bool] = lambda id_, url: True
    docs = [
        doc
        for label, row in zip(frame.index, frame.to_dict("records"), strict=True)
        if (doc := row_to_doc(row, str(label), fields, keep_all)) is not None  # always, with keep_all
    ]
    results = iter_parse_many(docs, workers=1, progress=False, parse_fn=parse_fn, **parse_kwargs)
    out = to_dataframe(results, include_errors=True)
    return out.astype({name: dtype for name, dtype in FRAME_COLUMNS.items() if str(out[name].dtype) != dtype})


def clean_frame(
    frame: Union[pd.DataFrame, Iterable[pd.DataFrame]],
    *,
    text: Optional[str] = None,
    html: Optional[str] = None,
    url: Optional[str] = "url",
    id: Optional[str] = "id",
    fetched_at: Optional[str] = "fetched_at",
    parse_fn: Optional[Callable[..., Article]] = None,
    **parse_kwargs: Any,
) -> Union[pd.DataFrame, Iterator[pd.DataFrame]]:
    """Clean a DataFrame of dumps into a DataFrame of articles, one row per input (see the module
    docstring). Given an iterator of DataFrames (Spark's mapInPandas), yield one result per frame.

    Column keywords as in `newsclean.records`; a row without an id is named by its index label.
    `parse_kwargs` go to every parse call (`site=`, ...); a row's own url/fetched_at win.
    """
    fields = RecordFields(text=text, html=html, url=url, id=id, fetched_at=fetched_at)
    if hasattr(frame, "to_dict") and hasattr(frame, "index"):
        return _clean_one(frame, fields, parse_fn, parse_kwargs)
    return (_clean_one(part, fields, parse_fn, parse_kwargs) for part in frame)


def frame_meta() -> pd.DataFrame:
    """An empty frame with the output's columns and dtypes (Dask's `meta=`)."""
    import pandas as pd

    return pd.DataFrame({name: pd.Series([], dtype=dtype) for name, dtype in FRAME_COLUMNS.items()})


def frame_schema() -> Any:
    """The output as an Arrow schema (`pyarrow.Schema`)."""
    import pyarrow as pa

    text, when = pa.string(), pa.timestamp("us", tz="UTC")
    by_dtype = {
        "string": text,
        "datetime64[us, UTC]": when,
        "datetime64[us]": pa.timestamp("us"),
        "object": pa.list_(text),
        "Int64": pa.int64(),
    }
    return pa.schema([(name, by_dtype[dtype]) for name, dtype in FRAME_COLUMNS.items()])


def frame_spark_schema() -> str:
    """The output as a Spark DDL string, for `mapInPandas(..., schema=...)`."""
    import pyarrow as pa

    def ddl(kind: Any) -> str:
        if pa.types.is_list(kind):
            return f"ARRAY<{ddl(kind.value_type)}>"
        if pa.types.is_timestamp(kind):
            return "TIMESTAMP" if kind.tz else "TIMESTAMP_NTZ"
        return {pa.string(): "STRING", pa.int64(): "BIGINT"}[kind]

    return ", ".join(f"{field.name} {ddl(field.type)}" for field in frame_schema())
