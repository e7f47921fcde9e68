"""Expected calibration error and the reliability diagram."""

from arbox.evals.calibration import reliability
from arbox.evals.charts import reliability_svg


def test_perfectly_calibrated_pairs_have_zero_ece():
    pairs = [(0.25, k < 1) for k in range(4)] + [(0.75, k < 3) for k in range(4)]
    assert reliability(pairs)["ece"] == 0.0


def test_overconfidence_shows_as_the_gap():
    result = reliability([(0.9, False)] * 10)
    assert result["ece"] == 0.9
    assert result["bins"] == [{"bin": [0.9, 1.0], "count": 10, "confidence": 0.9, "frequency": 0.0}]
    assert reliability_svg(result).startswith("<svg")


def test_no_pairs_no_ece():
    assert reliability([])["ece"] is None
