"""The one lenient reading of page addresses (host and path) the steps, profiles and batch filters share."""

from newsclean.urls import split_url, url_host


def test_an_address_without_scheme_keeps_its_host():
    parts = split_url("www.Contoh-Berita.id/read/2024/01/02/banjir?page=2")
    assert parts is not None
    assert parts.hostname == "www.contoh-berita.id"
    assert parts.path == "/read/2024/01/02/banjir"
    assert parts.query == "page=2"


def test_a_full_address_is_split_as_usual():
    parts = split_url("https://news.contoh.co.id:8080/a/b")
    assert parts is not None and parts.scheme == "https" and parts.path == "/a/b"
    assert url_host("https://news.contoh.co.id:8080/a/b") == "news.contoh.co.id"


def test_a_broken_address_reads_as_none_not_an_exception():
    assert split_url("http://[::1/berita") is None
    assert url_host("http://[::1/berita") == ""


def test_an_address_with_no_host_has_an_empty_host():
    assert url_host("/read/2024/banjir") == ""
    assert url_host("") == ""
