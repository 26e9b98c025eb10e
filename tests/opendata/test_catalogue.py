"""Issue 17, linked data: the DCAT-AP 3.0 catalogue, validated against SEMIC's SHACL shapes."""

from pathlib import Path

import pytest
from pyshacl import validate
from rdflib import Graph
from rdflib.namespace import DCAT, RDF

from pioneers.opendata.datasets import DATASETS

SHAPES = Path(__file__).parent.parent / "data" / "dcat-ap-3.0.0"


# rdflib's own JSON-LD parser uses its deprecated ConjunctiveGraph.
@pytest.mark.filterwarnings("ignore:ConjunctiveGraph is deprecated:DeprecationWarning")
@pytest.mark.parametrize(("fmt", "syntax"), [("ttl", "turtle"), ("jsonld", "json-ld")])
def test_catalogue_is_valid_dcat_ap_3_and_lists_every_dataset(client, demo, fmt, syntax):
    response = client.get(f"/open-data/catalogue.{fmt}")
    assert response.status_code == 200
    data = Graph().parse(data=response.content, format=syntax)
    assert len(set(data.subjects(RDF.type, DCAT.Dataset))) == len(DATASETS)
    assert len(set(data.subjects(RDF.type, DCAT.Distribution))) == 2 * len(DATASETS)
    shapes = Graph()
    for name in ("shapes.ttl", "range.ttl", "imports.ttl"):
        shapes.parse(SHAPES / name, format="turtle")
    conforms, _graph, text = validate(data, shacl_graph=shapes, inference="rdfs")
    assert conforms, text


def test_an_unknown_catalogue_format_is_not_found(client, demo):
    assert client.get("/open-data/catalogue.xml").status_code == 404
