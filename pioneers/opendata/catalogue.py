"""The DCAT-AP (DCAT-AP-NL 3.0) catalogue of the open datasets, as an rdflib graph that the
views serialise as Turtle or JSON-LD: each dataset in Dutch and English, with its licence and
its distributions (CSV, JSON, the API)."""

from django.urls import reverse
from django.utils import translation
from rdflib import Graph, Literal, Namespace, URIRef
from rdflib.namespace import DCAT, DCTERMS, FOAF, RDF

from pioneers.core.links import absolute_url
from pioneers.core.models import NetworkSettings
from pioneers.opendata.datasets import DATASETS

IANA = Namespace("http://www.iana.org/assignments/media-types/")
EU_FILE_TYPE = Namespace("http://publications.europa.eu/resource/authority/file-type/")
FORMATS = {"csv": ("text/csv", "CSV"), "json": ("application/json", "JSON")}


def _both_languages(graph, subject, predicate, text):
    for language in ("nl", "en"):
        with translation.override(language):
            graph.add((subject, predicate, Literal(str(text), lang=language)))


def catalogue_graph() -> Graph:
    graph = Graph()
    graph.bind("dcat", DCAT)
    graph.bind("dct", DCTERMS)
    graph.bind("foaf", FOAF)
    network = NetworkSettings.load()
    catalogue = URIRef(absolute_url(reverse("opendata:catalogue", args=["ttl"])))
    publisher = URIRef(absolute_url("/"))
    graph.add((publisher, RDF.type, FOAF.Agent))
    graph.add((publisher, FOAF.name, Literal(network.name)))
    graph.add((catalogue, RDF.type, DCAT.Catalog))
    graph.add((catalogue, DCTERMS.title, Literal(network.name)))
    _both_languages(
        graph,
        catalogue,
        DCTERMS.description,
        translation.gettext_lazy("Open data of the pioneer network"),
    )
    graph.add((catalogue, DCTERMS.publisher, publisher))
    for dataset in DATASETS.values():
        node = URIRef(absolute_url(f"{reverse('opendata:index')}#{dataset.slug}"))
        licence = URIRef(dataset.licence().url)
        graph.add((licence, RDF.type, DCTERMS.LicenseDocument))
        graph.add((catalogue, DCAT.dataset, node))
        graph.add((node, RDF.type, DCAT.Dataset))
        _both_languages(graph, node, DCTERMS.title, dataset.title)
        _both_languages(graph, node, DCTERMS.description, dataset.description)
        graph.add((node, DCTERMS.publisher, publisher))
        graph.add((node, DCTERMS.identifier, Literal(dataset.slug)))
        for fmt, (media_type, file_type) in FORMATS.items():
            address = URIRef(
                absolute_url(
                    reverse("opendata:download", kwargs={"dataset": dataset.slug, "fmt": fmt})
                )
            )
            distribution = URIRef(f"{address}#distribution")
            graph.add((node, DCAT.distribution, distribution))
            graph.add((distribution, RDF.type, DCAT.Distribution))
            graph.add((distribution, DCAT.accessURL, address))
            graph.add((distribution, DCAT.downloadURL, address))
            graph.add((distribution, DCTERMS.license, licence))
            graph.add((distribution, DCAT.mediaType, IANA[media_type]))
            graph.add((IANA[media_type], RDF.type, DCTERMS.MediaType))
            graph.add((distribution, DCTERMS.format, EU_FILE_TYPE[file_type]))
            graph.add((EU_FILE_TYPE[file_type], RDF.type, DCTERMS.MediaTypeOrExtent))
    return graph
