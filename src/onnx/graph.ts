// A small builder of ONNX graphs on onnx-proto's generated classes: unique tensor names, typed
// constants as initializers, and the model's bytes. onnx-proto is static code generated from
// onnx.proto (v1.10.2, IR version 8), so nothing parses a .proto file at run time and the same code
// runs in the browser and in Node; it was already a dependency, so no second copy of onnx.proto is kept.
import onnxProto from 'onnx-proto';

const { onnx } = onnxProto;

/** ONNX element types used here (onnx.TensorProto.DataType). */
export const DTYPE = { float: 1, int64: 7, string: 8, bool: 9, double: 11 } as const;

/** An element type of DTYPE. */
export type ElementType = (typeof DTYPE)[keyof typeof DTYPE];

/** An attribute value: a number is a float unless listed in `ints`; arrays likewise; strings as UTF-8. */
export type AttributeValue =
  | number
  | string
  | readonly number[]
  | readonly string[]
  | { readonly ints: readonly number[] }
  | { readonly int: number }
  | { readonly tensor: onnxProto.onnx.ITensorProto };

// The operator sets the graph is written for: ai.onnx 17 (ReduceSum takes its axes as an input) and
// ai.onnx.ml 3 (LabelEncoder with string keys, TreeEnsembleRegressor), both run by onnxruntime ≥ 1.12.
const OPSET = 17;
const ML_OPSET = 3;
const IR_VERSION = 8;

const utf8 = new TextEncoder();

/** Builds one graph: add inputs, constants and nodes, name the output, then `toBytes`. */
export class GraphBuilder {
  private readonly nodes: onnxProto.onnx.INodeProto[] = [];
  private readonly initializers: onnxProto.onnx.ITensorProto[] = [];
  private readonly inputs: onnxProto.onnx.IValueInfoProto[] = [];
  private readonly outputs: onnxProto.onnx.IValueInfoProto[] = [];
  private readonly used = new Set<string>();
  private counter = 0;

  /** A fresh tensor name starting with `hint` (column names may repeat what a hint says). */
  fresh(hint: string): string {
    let name: string;
    do name = `${hint}_${this.counter++}`;
    while (this.used.has(name));
    this.used.add(name);
    return name;
  }

  /** Declares a graph input of shape [N, 1] named exactly `name`. */
  input(name: string, type: ElementType): string {
    if (this.used.has(name)) throw new Error(`Two graph inputs would be named "${name}".`);
    this.used.add(name);
    this.inputs.push(valueInfo(name, type, ['N', 1]));
    return name;
  }

  /** Declares `tensor` as the graph output `name` of shape [N, 1] (an Identity renames it). */
  output(tensor: string, name: string, type: ElementType): void {
    if (this.used.has(name)) throw new Error(`The output name "${name}" is taken by a column.`);
    this.used.add(name);
    this.nodes.push({ opType: 'Identity', input: [tensor], output: [name], name: `${name}_identity` });
    this.outputs.push(valueInfo(name, type, ['N', 1]));
  }

  /** A constant tensor of doubles (shape defaults to [values.length]). */
  doubles(hint: string, values: ArrayLike<number>, dims: readonly number[] = [values.length]): string {
    return this.constant(hint, { dataType: DTYPE.double, dims: [...dims], doubleData: Array.from(values) });
  }

  /** A constant tensor of float32 values. */
  floats(hint: string, values: ArrayLike<number>, dims: readonly number[] = [values.length]): string {
    return this.constant(hint, { dataType: DTYPE.float, dims: [...dims], floatData: Array.from(values) });
  }

  /** A constant tensor of int64 values (safe integers). */
  ints(hint: string, values: ArrayLike<number>, dims: readonly number[] = [values.length]): string {
    return this.constant(hint, { dataType: DTYPE.int64, dims: [...dims], int64Data: Array.from(values) });
  }

  /** Adds one node; returns its single output's name. */
  node(opType: string, inputs: readonly string[], attributes: Readonly<Record<string, AttributeValue>> = {}, domain = ''): string {
    const output = this.fresh(opType.toLowerCase());
    this.nodes.push({
      opType,
      domain,
      input: [...inputs],
      output: [output],
      name: `${output}_node`,
      attribute: Object.entries(attributes).map(([name, value]) => attribute(name, value)),
    });
    return output;
  }

  /** The serialised ModelProto. */
  toBytes(graphName: string, docString: string): Uint8Array {
    const model = onnx.ModelProto.create({
      irVersion: IR_VERSION,
      producerName: 'creditlab',
      producerVersion: '1',
      docString,
      opsetImport: [
        { domain: '', version: OPSET },
        { domain: 'ai.onnx.ml', version: ML_OPSET },
      ],
      graph: { name: graphName, node: this.nodes, initializer: this.initializers, input: this.inputs, output: this.outputs },
    });
    return onnx.ModelProto.encode(model).finish();
  }

  private constant(hint: string, tensor: onnxProto.onnx.ITensorProto): string {
    const name = this.fresh(hint);
    this.initializers.push({ ...tensor, name });
    return name;
  }
}

function valueInfo(name: string, elemType: ElementType, dims: readonly (string | number)[]): onnxProto.onnx.IValueInfoProto {
  return {
    name,
    type: { tensorType: { elemType, shape: { dim: dims.map((d) => (typeof d === 'string' ? { dimParam: d } : { dimValue: d })) } } },
  };
}

const ATTRIBUTE = onnx.AttributeProto.AttributeType;

function attribute(name: string, value: AttributeValue): onnxProto.onnx.IAttributeProto {
  if (typeof value === 'number') return { name, type: ATTRIBUTE.FLOAT, f: value };
  if (typeof value === 'string') return { name, type: ATTRIBUTE.STRING, s: utf8.encode(value) };
  if ('int' in value) return { name, type: ATTRIBUTE.INT, i: value.int };
  if ('ints' in value) return { name, type: ATTRIBUTE.INTS, ints: [...value.ints] };
  if ('tensor' in value) return { name, type: ATTRIBUTE.TENSOR, t: value.tensor };
  const list = value as readonly (number | string)[];
  if (list.every((v) => typeof v === 'string')) return { name, type: ATTRIBUTE.STRINGS, strings: list.map((v) => utf8.encode(v as string)) };
  return { name, type: ATTRIBUTE.FLOATS, floats: list as number[] };
}

/** The largest float32 at or below `t`: for float32 x, x ≤ t exactly when x ≤ floatAtOrBelow(t). */
export function floatAtOrBelow(t: number): number {
  const f = Math.fround(t);
  if (f <= t || !Number.isFinite(t)) return f;
  // One float32 step towards −∞: the bit pattern moves by one.
  const bits = new Float32Array([f]);
  const view = new Int32Array(bits.buffer);
  if (f > 0) view[0] -= 1;
  else if (f === 0) return -1.401298464324817e-45;
  else view[0] += 1;
  return bits[0];
}
