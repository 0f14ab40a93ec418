#!/usr/bin/env python3
"""OWSLib with its defaults against a CityTwin server, one client call sequence per case.

    python3 owslib_client.py <case> <base-url> [options as key=value]

Prints one JSON object (what the client read) on stdout; a client error propagates (exit code 1, traceback on
stderr). Used by vn.citytwin.ogc.OwsLibIT; run it by hand the same way.
"""
import base64
import json
import sys


def wms(base, layer, version=None, srs=None, format="image/png", bbox=None):
    from owslib.wms import WebMapService
    w = WebMapService(base + "/wms") if version is None else WebMapService(base + "/wms", version=version)
    box = tuple(float(v) for v in bbox.split(",")) if bbox else tuple(w[layer].boundingBoxWGS84)
    srs = srs or "EPSG:4326"  # OWSLib swaps the box itself where 1.3.0 wants latitude first
    img = w.getmap(layers=[layer], styles=[""], srs=srs, bbox=box, size=(256, 256), format=format)
    return {"version": w.identification.version, "layers": sorted(w.contents),
            "formats": w.getOperationByName("GetMap").formatOptions,
            "contentType": img.info().get("Content-Type"),
            "image": base64.b64encode(img.read()).decode("ascii")}


def wfs(base, typename, version=None, bbox=None, maxfeatures=None, outputFormat=None, srsname=None):
    from owslib.wfs import WebFeatureService
    w = WebFeatureService(base + "/wfs") if version is None else WebFeatureService(base + "/wfs", version=version)
    kwargs = {"typename": [typename]}
    if bbox:
        kwargs["bbox"] = tuple(float(v) for v in bbox.split(","))
    if maxfeatures:
        kwargs["maxfeatures"] = int(maxfeatures)
    if outputFormat:
        kwargs["outputFormat"] = outputFormat
    if srsname:
        kwargs["srsname"] = srsname
    body = w.getfeature(**kwargs).read()
    if isinstance(body, bytes):
        body = body.decode("utf-8")
    content = w.contents[typename]
    return {"version": w.version, "types": sorted(w.contents),
            "operations": [op.name for op in w.operations],
            # without pyproj OWSLib's 1.0.0 reader keeps only the box as advertised (EPSG:4326 here)
            "bbox": list((content.boundingBoxWGS84 or content.boundingBox)[:4]),
            "crs": [str(c) for c in content.crsOptions],
            "schema": w.get_schema(typename), "body": body}


def features(base, collection, limit="5", bbox=None):
    from owslib.ogcapi.features import Features
    f = Features(base + "/ogc")
    kwargs = {"limit": int(limit)}
    if bbox:
        kwargs["bbox"] = [float(v) for v in bbox.split(",")]
    items = f.collection_items(collection, **kwargs)
    return {"collections": sorted(f.feature_collections()), "conformsTo": f.conformance()["conformsTo"],
            "title": f.collection(collection)["title"],
            "queryables": sorted(f.collection_queryables(collection).get("properties", {})),
            "numberMatched": items.get("numberMatched"), "features": items["features"]}


CASES = {"wms": wms, "wfs": wfs, "features": features}

if __name__ == "__main__":
    case, base = sys.argv[1], sys.argv[2]
    options = dict(a.split("=", 1) for a in sys.argv[3:])
    print(json.dumps(CASES[case](base, **options), default=str))
