"""The peer of kyoso serve in bench/serve/compare.py: fit, explain and simulate on Flask over
kyoso's Python bindings, as a Python team would write them — the same questions, answered
from the same library, as JSON of the bindings' results (to_dict()).

    flask_app.py PORT

Werkzeug's threaded server (what `flask run` uses), HTTP/1.1 keep-alive like kyoso serve.
"""

from __future__ import annotations

import sys

import kyoso
from flask import Flask, jsonify, request
from werkzeug.serving import WSGIRequestHandler

app = Flask(__name__)
model = kyoso.default_model()


def profile() -> dict:
    args = request.args
    return {"mission": args.get("mission"), "goals": args.getlist("goal"),
            "fields": args.getlist("field"), "stage": args.get("stage"),
            "partners": args.getlist("partner"), "holds": args.getlist("holds"),
            "establishment": args.get("establishment")}


@app.get("/api/v1/fit")
def fit():
    return jsonify([r.to_dict() for r in model.fit(**profile())])


@app.get("/api/v1/explain")
def explain():
    return jsonify(model.explain(request.args["program"], **profile()).to_dict())


@app.get("/api/v1/simulate")
def simulate():
    args = request.args
    options = {"years": int(args.get("years", 10))}
    if "runs" in args:
        options.update(runs=int(args["runs"]), seed=int(args["seed"]))
    return jsonify(model.simulate(args["program"], **options).to_dict())


if __name__ == "__main__":
    WSGIRequestHandler.protocol_version = "HTTP/1.1"
    app.run(host="127.0.0.1", port=int(sys.argv[1]), threaded=True)
