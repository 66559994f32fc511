"""Score a table in Apache Spark with a CreditLab ONNX export (creditlab export-onnx).

    spark-submit docs/spark/score_table.py --model model.onnx --input applicants.csv --out scored/
    spark-submit docs/spark/score_table.py --model model.onnx --table lending.applicants --out scored/
    python3 docs/spark/score_table.py --model model.onnx --local applicants.csv   # the ONNX Runtime part alone, no Spark

Every executor needs `pip install onnxruntime numpy pandas pyarrow` (pyspark >= 3.4 for
predict_batch_udf). The graph takes one input per model column, [N, 1]: float32 for numbers
(NaN = missing) and strings for categories ("" = missing); it returns probability_of_bad, [N, 1].
"""
import argparse
import csv

import numpy as np
import onnxruntime as ort

OUTPUT = "probability_of_bad"


def graph_inputs(model_path):
    """The graph's inputs in order: (column name, 'number' or 'category')."""
    session = ort.InferenceSession(model_path, providers=["CPUExecutionProvider"])
    return [(i.name, "number" if i.type == "tensor(float)" else "category") for i in session.get_inputs()]


def make_predict_fn(model_path, inputs):
    """predict_batch_udf's factory: one ONNX Runtime session per Python worker, reused for every batch."""

    def make():
        session = ort.InferenceSession(model_path, providers=["CPUExecutionProvider"])

        def predict(*columns):
            feeds = {}
            for (name, kind), values in zip(inputs, columns):
                if kind == "number":
                    # Spark's nulls arrive as NaN here, which is the graph's "missing".
                    feeds[name] = np.asarray(values, dtype=np.float32).reshape(-1, 1)
                else:
                    text = ["" if v is None or v != v else str(v) for v in values]
                    feeds[name] = np.array(text, dtype=object).reshape(-1, 1)
            return session.run([OUTPUT], feeds)[0].reshape(-1)

        return predict

    return make


def score_local(model_path, csv_path):
    """Scores a CSV file with ONNX Runtime alone (no Spark): prints the probabilities, one per row."""
    inputs = graph_inputs(model_path)
    with open(csv_path, newline="") as f:
        rows = list(csv.DictReader(f))

    def number(cell):
        try:
            return float(cell)
        except (TypeError, ValueError):
            return float("nan")

    columns = [[number(r.get(name)) if kind == "number" else (r.get(name) or "") for r in rows] for name, kind in inputs]
    for p in make_predict_fn(model_path, inputs)()(*columns):
        print(f"{p:.6f}")


def score_spark(args):
    from pyspark import SparkFiles
    from pyspark.ml.functions import predict_batch_udf
    from pyspark.sql import SparkSession
    from pyspark.sql import functions as F
    from pyspark.sql.types import FloatType

    spark = SparkSession.builder.appName("creditlab-onnx-score").getOrCreate()
    inputs = graph_inputs(args.model)
    # Ship the model file to every executor; each worker opens its own copy.
    spark.sparkContext.addFile(args.model)
    name = args.model.rsplit("/", 1)[-1]

    def make():
        return make_predict_fn(SparkFiles.get(name), inputs)()

    table = spark.table(args.table) if args.table else spark.read.option("header", True).csv(args.input)
    # Numbers as float (text that is not a number, e.g. "NA", becomes null, so NaN: missing); categories as text.
    columns = [F.col(n).cast("float") if kind == "number" else F.col(n).cast("string") for n, kind in inputs]
    score = predict_batch_udf(make, return_type=FloatType(), batch_size=args.batch_size)
    table.withColumn(OUTPUT, score(*columns)).write.mode("overwrite").parquet(args.out)


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--model", required=True, help="the .onnx file from creditlab export-onnx")
    source = parser.add_mutually_exclusive_group(required=True)
    source.add_argument("--input", help="a CSV file (with a header row) Spark reads")
    source.add_argument("--table", help="a table in Spark's catalog")
    source.add_argument("--local", help="a CSV file scored without Spark (ONNX Runtime only)")
    parser.add_argument("--out", help="where Spark writes the scored table (Parquet)")
    parser.add_argument("--batch-size", type=int, default=10_000)
    args = parser.parse_args()
    if args.local:
        score_local(args.model, args.local)
    else:
        if not args.out:
            parser.error("--out is required with --input or --table")
        score_spark(args)
