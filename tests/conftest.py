"""Suite-wide isolation: no test ever touches the developer's own database."""
import pytest


@pytest.fixture(autouse=True)
def _isolated_data_dir(tmp_path, monkeypatch):
    monkeypatch.setenv("REMISSKOLLEN_DATA_DIR", str(tmp_path / "data"))
    monkeypatch.delenv("REMISSKOLLEN_DATABASE_URL", raising=False)
