"""A `dask.distributed.Client` as parse_many's executor: one result per input, in order."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any
from pathlib import Path

import pytest

distributed = pytest.importorskip("dask.distributed")

from newsclean.batch import (  # noqa: E402
    FRAME_COLUMNS,
    clean_frame,
    frame_meta,
    frame_schema,
    frame_spark_schema,
    iter_parse_many,
    parse_many,
)
from test_batch import doc, fake_parse  # noqa: E402


@pytest.fixture(scope="module")
def client() -> Iterator[object]:
    # Threads, not processes: the same Client/Future code path in a fraction of the start-up time.
    with distributed.LocalCluster(
        n_workers=2, threads_per_worker=1, processes=False, dashboard_address=":0"
    ) as cluster, distributed.Client(cluster) as dask_client:
        yield dask_client


def test_dask_client_as_executor_keeps_order_and_counts(client: object, tmp_path: Path) -> None:
    files = []
    for i in range(7):
        path = tmp_path / f"{i}.txt"
        path.write_text(doc(f"Judul {i}"), encoding="utf-8")
        files.append(path)
    inputs: list[object] = [
        *files,
        ("same-1", doc("Kembar")),
        ("same-2", doc("Kembar")),  # identical tasks must not be merged into one
        ("listing", doc("NOT a listing")),
        tmp_path / "missing.txt",
        ("slow", doc("SLEEP 0.2 lambat")),
        ("fast", doc("Cepat")),
    ]
    stream = parse_many(inputs, executor=client, chunksize=2, max_pending=3, progress=False, parse_fn=fake_parse)
    results = list(stream)
    assert [r.id for r in results] == [str(p) for p in files] + ["same-1", "same-2", "listing", str(tmp_path / "missing.txt"), "slow", "fast"]
    assert [r.index for r in results] == list(range(len(inputs)))
    assert [r.article.title for r in results[:7]] == [f"Judul {i}" for i in range(7)]
    assert results[7].article == results[8].article and results[7].ok
    assert results[9].error.error_type == "NotAnArticle"
    assert results[10].error.error_type == "InputError"
    assert (stream.stats.articles, stream.stats.non_articles, stream.stats.errors) == (11, 1, 1)


def test_dask_raise_mode_and_lazy_input(client: object) -> None:
    pulled = 0

    def source() -> Iterator[tuple[str, str]]:
        nonlocal pulled
        for i in range(60):
            pulled += 1
            yield (f"d{i}", doc("NOT listing" if i == 40 else f"Judul {i}"))

    seen = 0
    with pytest.raises(Exception) as info:
        for result in iter_parse_many(source(), executor=client, chunksize=4, max_pending=2, on_error="raise",
                                 progress=False, parse_fn=fake_parse):
            assert result.id == f"d{seen}"
            seen += 1
            assert pulled - seen <= 8
    assert seen == 40
    assert type(info.value).__name__ == "NotAnArticle"


def test_dask_worker_processes(tmp_path: Path) -> None:
    # Real worker processes: articles and errors cross process boundaries, files are read by the parent.
    path = tmp_path / "a.txt"
    path.write_text(doc("Dari berkas"), encoding="utf-8")
    with distributed.LocalCluster(
        n_workers=2, threads_per_worker=1, processes=True, dashboard_address=":0"
    ) as cluster, distributed.Client(cluster) as dask_client:
        results = list(
            parse_many([path, ("raw", doc("Mentah")), ("bad", doc("NOT x"))], executor=dask_client, chunksize=1,
                       progress=False, parse_fn=fake_parse)
        )
    assert [r.id for r in results] == [str(path), "raw", "bad"]
    assert [r.article.title if r.ok else r.error.error_type for r in results] == ["Dari berkas", "Mentah", "NotAnArticle"]


# ---------------------------------------------------------------------------------------------------
# clean_frame: the same function for pandas, Dask partitions and Spark's mapInPandas


def frame_parse(raw: Any, **kwargs: Any) -> Any:
    """fake_parse, keeping the url and fetched_at each row passes."""
    return fake_parse(raw, **kwargs).model_copy(update={"url": kwargs.get("url"), "fetched_at": kwargs.get("fetched_at")})


def _dumps_frame() -> Any:
    import pandas as pd

    return pd.DataFrame(
        {
            "id": ["a", "b", "c", "d", "e"],
            "url": ["https://kompas.com/1", None, "https://tempo.co/3", None, "https://x.id/5"],
            "content": [doc("Satu"), doc("NOT a listing"), doc("Tiga"), "", doc("Lima")],
            "fetched_at": ["2024-01-01T00:00:00Z", None, None, None, "2024-01-05T07:00:00+07:00"],
        }
    )


def test_clean_frame_gives_one_row_per_input_with_error_columns() -> None:
    out = clean_frame(_dumps_frame(), parse_fn=frame_parse)
    assert list(out.columns) == list(FRAME_COLUMNS)
    assert list(out["id"]) == ["a", "b", "c", "d", "e"]
    assert list(out["title"].fillna("-")) == ["Satu", "-", "Tiga", "-", "Lima"]
    assert list(out["error_type"].fillna("-")) == ["-", "NotAnArticle", "-", "InputError", "-"]
    assert {name: str(dtype) for name, dtype in out.dtypes.items()} == FRAME_COLUMNS
    # Arrow takes it with the declared schema, as Spark's mapInPandas does.
    import pyarrow as pa

    table = pa.Table.from_pandas(out, schema=frame_schema(), preserve_index=False)
    assert table.num_rows == 5
    assert [t and t.isoformat() for t in table.column("fetched_at").to_pylist()] == [
        "2024-01-01T00:00:00+00:00", None, None, None, "2024-01-05T00:00:00+00:00"
    ]
    assert table.column("url").to_pylist() == ["https://kompas.com/1", None, "https://tempo.co/3", None, "https://x.id/5"]
    assert frame_spark_schema().startswith("id STRING, site STRING, url STRING")
    assert "authors ARRAY<STRING>" in frame_spark_schema() and "fetched_at TIMESTAMP," in frame_spark_schema()


def test_clean_frame_over_an_iterator_yields_a_frame_per_frame() -> None:
    frame = _dumps_frame()
    parts = list(clean_frame(iter([frame.iloc[:2], frame.iloc[2:]]), parse_fn=fake_parse))
    assert [list(p["id"]) for p in parts] == [["a", "b"], ["c", "d", "e"]]


def test_clean_frame_under_dask_map_partitions(client: object) -> None:
    import dask.dataframe as dd
    import pandas as pd

    frame = _dumps_frame()
    ddf = dd.from_pandas(frame, npartitions=3)
    out = ddf.map_partitions(clean_frame, parse_fn=fake_parse, meta=frame_meta()).compute()
    expected = clean_frame(frame, parse_fn=fake_parse)
    pd.testing.assert_frame_equal(out.reset_index(drop=True), expected.reset_index(drop=True))
    assert out["error_type"].notna().sum() == 2
