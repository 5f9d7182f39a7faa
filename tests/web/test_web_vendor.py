"""What the pages load ships in the package: vendored files keep their licence beside them, and no
template loads a script, stylesheet or image from another host (no CDN, no tile server)."""
import re
from importlib import resources
from pathlib import Path

import pytest

WEB = Path(str(resources.files("communique.web")))
VENDOR = WEB / "static" / "vendor"


@pytest.mark.parametrize("folder", sorted(p.name for p in VENDOR.iterdir() if p.is_dir()))
def test_vendor_every_vendored_package_keeps_its_licence_and_is_listed(folder):
    assert (VENDOR / folder / "LICENSE").read_text().strip()
    assert f"`{folder}/`" in (VENDOR / "README.md").read_text()


def test_vendor_templates_load_nothing_from_another_host():
    for template in (WEB / "templates").glob("*.html"):
        text = template.read_text()
        remote = re.findall(r'<(?:script|link|img|iframe)\b[^>]*(?:src|href)="(?:https?:)?//', text)
        assert not remote, template.name


def test_vendor_static_files_are_served(client):
    for path in ("/static/vendor/cytoscape/cytoscape.min.js", "/static/network.js"):
        r = client.get(path)
        assert r.status_code == 200 and "javascript" in r.headers["content-type"]
