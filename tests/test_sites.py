"""Bundled site profiles: they load, resolve by domain and fingerprint, and never claim another site's dump."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

import newsclean
from newsclean import sites
from newsclean.errors import ProfileError
from conftest import shared_path

PROFILE_DIR = Path(sites.__file__).parent
BUNDLED = sorted(p.stem for p in PROFILE_DIR.glob("*.toml"))

EXPECTED_SITES = {
    "metrotvnews.com", "medcom.id", "kompas.com", "kompas.tv", "kompas.id", "tribunnews.com", "detik.com",
    "liputan6.com", "cnnindonesia.com", "cnbcindonesia.com", "tempo.co", "republika.co.id", "antaranews.com",
    "okezone.com", "sindonews.com", "suara.com", "kumparan.com", "tirto.id", "merdeka.com", "viva.co.id",
    "jpnn.com", "idntimes.com", "bisnis.com", "kontan.co.id", "katadata.co.id", "beritasatu.com", "inews.id",
    "jawapos.com", "kapanlagi.com", "mediaindonesia.com",
}

# A small invented dump per site, each carrying one line only that site prints.
FINGERPRINT_DUMPS = {
    "metrotvnews.com": "Warga Kampung Sukamaju Gelar Kerja Bakti\nJangan lupa ikuti update berita lainnya dan follow  akun\nGoogle News Metrotvnews.com\n",
    "medcom.id": "Petani Garam Panen Lebih Awal\ndan follow Channel WhatsApp Medcom.id\n",
    "kompas.com": "Baca berita tanpa iklan. Gabung Kompas.com+\nPasar Apung Lokbintan Ramai Pengunjung\n",
    "kompas.tv": "Kompas.tv - 3 Mei 2022, 10:15 WIB\nGabung ke Channel WhatsApp KompasTV untuk update berita terbaru dan terpercaya.\n",
    "kompas.id": "logo Kompas.id\nPerahu Nelayan Sangihe Kembali Melaut\nKompas Kring\n",
    "tribunnews.com": "Laporan wartawan Tribun Jatim Network, Sekar Ayuningtyas\nTRIBUNJATIM.COM, MALANG - Hujan turun sejak pagi.\n",
    "detik.com": "Waduk Cengklik Surut, Warga Cari Ikan\nLarasati Wening - detikJateng\n[Gambas:Video 20detik]\n",
    "liputan6.com": "Festival Layang-layang di Pantai Padang\n* Follow Official WhatsApp Channel Liputan6.com untuk mendapatkan berita-berita terkini\n",
    "cnnindonesia.com": "Palu, CNN Indonesia -- Gempa kecil terasa di Palu.\n[Gambas:Video CNN]\n",
    "cnbcindonesia.com": "Jakarta, CNBC Indonesia - Harga kakao naik.\n[Gambas:Video CNBC]\n",
    "tempo.co": "TEMPO.CO, Jakarta - Sebuah kapal ikan terdampar di Teluk Jakarta.\n",
    "republika.co.id": "REPUBLIKA.CO.ID, BOGOR -- Kebun raya menambah koleksi anggrek.\n",
    "antaranews.com": "Ambon (ANTARA) - Pelabuhan Yos Sudarso ramai pemudik.\nCOPYRIGHT © ANTARA 2024\n",
    "okezone.com": "Follow Berita Okezone di Google News\n",
    "sindonews.com": "Follow Berita SINDOnews di Google News\n",
    "suara.com": "Suara.com - Seorang pedagang bakso di Bantul menjadi viral.\n",
    "kumparan.com": "kumparanNEWS\nJembatan Kayu di Desa Lamalera Diperbaiki\n",
    "tirto.id": "tirto.id - Curah hujan di Kupang meningkat.\nBaca juga artikel terkait CUACA atau tulisan lainnya dari Maria Lelo\n",
    "merdeka.com": "Merdeka.com - Ratusan warga menonton pawai budaya di Sumenep.\n",
    "viva.co.id": "VIVA.co.id – Klub sepak bola lokal menambah pemain.\n",
    "jpnn.com": "jpnn.com, JAKARTA - Kereta cepat menambah jadwal.\n(mcr8/jpnn)\n",
    "idntimes.com": "Makassar, IDN Times - Pantai Losari dipadati wisatawan.\n",
    "bisnis.com": "Bisnis.com, JAKARTA - Harga nikel dunia turun.\n",
    "kontan.co.id": "KONTAN.CO.ID - JAKARTA. Emisi obligasi korporasi meningkat.\n",
    "katadata.co.id": "Grafik ekspor batu bara. Katadata.co.id/Dimas Jarot\n",
    "beritasatu.com": "Jakarta, Beritasatu.com - Antrean vaksin di puskesmas mengular.\n",
    "inews.id": "MEDAN, iNews.id - Banjir merendam 300 rumah.\n",
    "jawapos.com": "JawaPos.com - Persebaya menambah porsi latihan.\n",
    "kapanlagi.com": "Foto konser amal © KapanLagi.com®/Agus Apriyanto\n",
    "mediaindonesia.com": "E-Paper Media Indonesia\nBaca E-Paper\n",
}

URLS = {
    "https://news.detik.com/berita/d-1/x": "detik.com",
    "https://www.detik.com/sulsel/berita/d-2/y": "detik.com",
    "https://regional.kompas.com/read/2016/03/08/1/x": "kompas.com",
    "https://www.kompas.tv/regional/1/x": "kompas.tv",
    "https://www.kompas.id/baca/opini/2020/10/27/x": "kompas.id",
    "https://jatim.tribunnews.com/2024/10/22/x": "tribunnews.com",
    "https://www.tribunjatim.com/2024/10/22/x": "tribunnews.com",
    "https://jabar.tribunjabar.id/2024/x": "tribunnews.com",
    "https://papua.tribun-papua.com/2022/x": "tribunnews.com",
    "https://www.cnnindonesia.com/nasional/1/x": "cnnindonesia.com",
    "https://www.cnbcindonesia.com/news/1/x": "cnbcindonesia.com",
    "https://www.medcom.id/nasional/daerah/x": "medcom.id",
    "http://ekonomi.metrotvnews.com/properti/x": "metrotvnews.com",
    "https://news.liputan6.com/read/1/x": "liputan6.com",
    "https://nasional.tempo.co/read/1/x": "tempo.co",
    "https://www.antaranews.com/berita/1/x": "antaranews.com",
    "https://jatim.idntimes.com/news/x": "idntimes.com",
    "https://investasi.kontan.co.id/news/x": "kontan.co.id",
    "https://www.kapanlagi.com/showbiz/x.html": "kapanlagi.com",
}


def test_every_expected_site_has_a_bundled_profile() -> None:
    assert EXPECTED_SITES <= set(BUNDLED)
    assert EXPECTED_SITES <= set(sites.profiles())


@pytest.mark.parametrize("stem", BUNDLED)
def test_bundled_profile_loads_and_compiles(stem: str) -> None:
    profile = sites.SiteProfile.from_toml(PROFILE_DIR / f"{stem}.toml")
    assert profile.name == stem
    assert profile.domains and all(d == d.lower() and "/" not in d for d in profile.domains)
    assert profile.description
    # Every regex in the profile compiles; section patterns name the rubric group.
    for pattern in profile.section_patterns:
        assert "section" in pattern.groupindex
    for pattern in profile.byline_patterns:
        assert set(pattern.groupindex) & {"authors", "editors", "section", "date"}
    # The lexicon merge with the profile compiles too.
    assert sites.lexicon(profile).chrome


def test_no_nested_quantifiers_in_bundled_patterns() -> None:
    # (...+)* / (...*)+ style groups can backtrack exponentially; profiles must stay linear.
    nested = re.compile(r"\((?:[^()]|\([^()]*\))*[+*]\)[+*]")
    for stem in BUNDLED:
        raw = sites.SiteProfile.from_toml(PROFILE_DIR / f"{stem}.toml").raw
        texts = []
        for table in raw.values():
            if isinstance(table, dict):
                for value in table.values():
                    if isinstance(value, list):
                        texts += [v for v in value if isinstance(v, str)]
        for text in texts:
            assert not nested.search(text), (stem, text)


@pytest.mark.parametrize("url,name", sorted(URLS.items()))
def test_domains_resolve(url: str, name: str) -> None:
    found = sites.profile_for_url(url)
    assert found is not None and found.name == name
    assert sites.identify("teks tanpa tanda apa pun", url=url).name == name


def test_get_profile_by_host_and_name() -> None:
    assert sites.get_profile("news.detik.com").name == "detik.com"
    assert sites.get_profile("www.tribunjatim.com").name == "tribunnews.com"
    assert sites.get_profile("makassar.tribunnews.com").name == "tribunnews.com"
    assert sites.get_profile("kompas.tv").name == "kompas.tv"
    assert sites.get_profile("kompas.id").name == "kompas.id"
    assert sites.get_profile("nonexistent-news-site.example") is None


@pytest.mark.parametrize("name", sorted(FINGERPRINT_DUMPS))
def test_identify_by_fingerprint(name: str) -> None:
    profile = sites.get_profile(name)
    assert profile is not None and profile.fingerprints, name
    found = sites.identify(FINGERPRINT_DUMPS[name])
    assert found is not None and found.name == name


def test_every_profile_with_fingerprints_has_a_sample() -> None:
    with_fp = {name for name, p in sites.profiles().items() if p.fingerprints and name in EXPECTED_SITES}
    assert with_fp <= set(FINGERPRINT_DUMPS)


def test_fingerprints_never_match_another_sites_dev_dump() -> None:
    dev = shared_path("corpus", "dev")
    dumps = sorted(dev.glob("*/*.txt"))
    assert dumps
    for dump in dumps:
        site = dump.parent.name
        text = dump.read_text(encoding="utf-8").casefold()
        for name in EXPECTED_SITES:
            if name == site:
                continue
            for fp in sites.get_profile(name).fingerprints:
                assert fp.casefold() not in text, f"{name} fingerprint {fp!r} occurs in {dump.name}"
        found = sites.identify(dump.read_text(encoding="utf-8"))
        assert found is None or found.name == site, (dump.name, found.name)


def test_dev_dumps_are_identified_without_url() -> None:
    dev = shared_path("corpus", "dev")
    for folder in sorted(p for p in dev.iterdir() if p.is_dir()):
        hits = [sites.identify(d.read_text(encoding="utf-8")) for d in sorted(folder.glob("*.txt"))]
        named = [h.name for h in hits if h is not None]
        # Most dumps of a site carry one of its fingerprints (some are cut before any chrome).
        assert named.count(folder.name) >= len(hits) // 2, (folder.name, named)


def test_kompas_tv_breadcrumb_gives_the_rubric() -> None:
    text = (
        "Kompas TV regional peristiwa\n\nSungai Meluap, Jembatan Desa Wonorejo Terendam\n\n"
        "Kompas.tv - 9 Februari 2023, 16:20 WIB\n"
        "Penulis : Rara Kusumastuti | Editor : Bima Hartanto\n\n"
        "KLATEN, KOMPAS.TV - Sungai Dengkeng meluap setelah hujan deras sejak siang. Air merendam jembatan desa "
        "dan memutus akses warga ke pasar kecamatan.\n\n"
        "Kepala desa setempat, Sutopo Widagdo, mengatakan warga diminta tidak nekat melintas sebelum air surut.\n\n"
        "Perangkat desa memasang tali pembatas di kedua ujung jembatan dan berjaga hingga malam hari.\n"
    )
    article = newsclean.parse(text, url="https://www.kompas.tv/regional/9999/sungai-meluap")
    assert article.section == "regional"
    assert article.authors == ["Rara Kusumastuti"]
    assert article.editors == ["Bima Hartanto"]


@pytest.mark.usefixtures("scratch_registry")
def test_register_site_with_mapping() -> None:
    profile = newsclean.register_site(
        {"name": "contoh-berita.id", "domains": ["contoh-berita.id"], "fingerprints": ["Redaksi Contoh Berita Nusantara"],
         "chrome": {"exact": ["Baca Versi Cetak"]}}
    )
    assert sites.get_profile("www.contoh-berita.id") is profile
    assert sites.identify("Judul\nRedaksi Contoh Berita Nusantara\n").name == "contoh-berita.id"
    assert sites.lexicon(profile).chrome.match("Baca Versi Cetak") is not None


@pytest.mark.usefixtures("scratch_registry")
def test_fingerprint_inside_a_line_is_found_and_ties_go_to_the_first_profile() -> None:
    newsclean.register_site({"name": "warta-a.id", "domains": ["warta-a.id"], "fingerprints": ["- wartaapagi"]})
    newsclean.register_site({"name": "warta-b.id", "domains": ["warta-b.id"], "fingerprints": ["/wartabsore)"]})
    dump = "Judul Berita\nBandung - Hujan deras sejak pagi. (ant/wartabsore)\n"
    assert sites.identify(dump).name == "warta-b.id"  # not at the line's start: searched anywhere
    both = "Judul - WartaAPagi\nBandung - Hujan deras. (ant/wartabsore)\n"
    assert sites.identify(both).name == "warta-a.id"  # one vote each: the profile registered first
    assert sites.identify("Judul\nBandung - Hujan deras sejak pagi.\n") is None


@pytest.mark.usefixtures("scratch_registry")
def test_register_site_with_toml_path(tmp_path: Path) -> None:
    path = tmp_path / "kabar-lembah.id.toml"
    path.write_text(
        'name = "kabar-lembah.id"\ndomains = ["kabar-lembah.id"]\n'
        '[section]\npatterns = [\'Rubrik (?P<section>\\w+)\']\n',
        encoding="utf-8",
    )
    profile = newsclean.register_site(path)
    assert profile.name == "kabar-lembah.id"
    assert sites.get_profile("berita.kabar-lembah.id") is profile
    assert profile.section_patterns[0].fullmatch("Rubrik Olahraga").group("section") == "Olahraga"
    registered = newsclean.register_site(str(path))
    assert registered.name == "kabar-lembah.id"


@pytest.mark.usefixtures("scratch_registry")
def test_load_profiles_directory(tmp_path: Path) -> None:
    (tmp_path / "b-warta.id.toml").write_text('name = "b-warta.id"\n', encoding="utf-8")
    (tmp_path / "a-warta.id.toml").write_text('name = "a-warta.id"\ndomains = ["awarta.id"]\n', encoding="utf-8")
    (tmp_path / "notes.txt").write_text("not a profile", encoding="utf-8")
    loaded = newsclean.load_profiles(tmp_path)
    assert [p.name for p in loaded] == ["a-warta.id", "b-warta.id"]
    assert sites.get_profile("awarta.id").name == "a-warta.id"
    assert sites.get_profile("b-warta.id").domains == ("b-warta.id",)
    with pytest.raises(ProfileError):
        newsclean.load_profiles(tmp_path / "missing")


@pytest.mark.parametrize(
    "data,message",
    [
        ({"name": "x.id", "chrom": {}}, "unknown keys"),
        ({"name": "x.id", "chrome": {"exact": ["a"], "suffix": ["b"]}}, "unknown keys"),
        ({"name": "x.id", "byline": {"patterns": ["(?P<authors>[a-z+"]}}, "invalid pattern"),
        ({"name": "x.id", "chrome": {"pattern": ["(unclosed"]}}, "invalid pattern"),
        ({"domains": ["x.id"]}, "'name'"),
        ({"name": "  "}, "'name'"),
        ({"name": "x.id", "domains": "x.id", "fingerprints": [1]}, "list of strings"),
        ({"name": "x.id", "tail": ["Berita Terkait"]}, "must be a table"),
    ],
)
def test_malformed_profiles_raise(data: dict, message: str) -> None:
    with pytest.raises(ProfileError, match=re.escape(message)):
        sites.SiteProfile.from_mapping(data)


@pytest.mark.usefixtures("scratch_registry")
def test_malformed_toml_file_raises(tmp_path: Path) -> None:
    path = tmp_path / "rusak.id.toml"
    path.write_text('name = "rusak.id"\n[chrome\nexact = [', encoding="utf-8")
    with pytest.raises(ProfileError):
        newsclean.register_site(path)
    assert sites.get_profile("rusak.id") is None


def _lynx_dump(footer: str, links: list[str]) -> str:
    """A lynx -dump of a page: menus, a story, the page's footer, then lynx's list of link addresses."""
    story = [
        "Pemerintah kota menyiapkan dua puluh pompa air di titik yang kerap tergenang saat hujan deras,",
        "terutama di kawasan permukiman padat di bantaran sungai yang setiap tahun terendam.",
        "",
        "Selain pompa, petugas juga menyiagakan perahu karet dan tenda darurat di setiap kecamatan yang",
        "rawan banjir selama puncak musim hujan tahun ini, kata Kepala Dinas Sumber Daya Air.",
    ]
    head = [f"     * [{k}]Rubrik {k}" for k in range(1, 70)] + ["", "Pompa Air Disiagakan di Dua Puluh Titik", ""]
    refs = ["References", "", "   Visible links:"] + [f"  {k}. {url}" for k, url in enumerate(links, 1)]
    return "\n".join(head + [f"   {line}" if line else "" for line in story] + ["", f"   {footer}", ""] + refs)


def test_a_lynx_dump_is_identified_by_the_footer_above_its_list_of_links() -> None:
    # The list of addresses is the dump's last block; the footer's fingerprint is printed just above it.
    links = [f"file:///tmp/halaman/{k}.html" for k in range(90)]
    raw = _lynx_dump("Baca berita tanpa iklan. Gabung Kompas.com+", links)
    assert newsclean.parse(raw).site == "kompas.com"


def test_a_lynx_dump_is_identified_by_the_site_its_links_point_to() -> None:
    links = [f"https://www.antaranews.com/berita/{k}/judul" for k in range(40)]
    links += [f"https://cdn.iklan.example/{k}.js" for k in range(40)] + ["https://www.kompas.com/read/1"]
    assert newsclean.parse(_lynx_dump("Hak cipta dilindungi undang-undang", links)).site == "antaranews.com"
    # Links mostly elsewhere (a page of a site with no profile that links to one story of a known site).
    few = [f"https://www.kabar-desa.example/{k}" for k in range(40)] + ["https://www.antaranews.com/berita/1"] * 4
    assert newsclean.parse(_lynx_dump("Hak cipta dilindungi undang-undang", few)).site is None
