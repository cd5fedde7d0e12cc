import Foundation
import HandoffTestSupport
import Testing

@testable import HandoffKit

/// What an independent validator (Python's `jsonschema`, YAML read by PyYAML) says of drafts,
/// against the schema `handoff schema` prints.
struct SchemaVerdict: Decodable {
    /// Read as YAML 1.1 (PyYAML) as the loader reads it: `yes` and `on` arrive as booleans, dates
    /// stay text, `<<` is a key like any other (the loader has no merge keys, nor has YAML 1.2).
    var yaml11: Reading
    /// Read as YAML 1.2 core, as an editor's YAML plugin does by default: `yes` arrives as "yes".
    var yaml12: Reading

    struct Reading: Decodable {
        var valid: Bool
        /// Validation errors, or why the text could not become JSON (duplicate keys, …).
        var errors: [String]
        /// The document as JSON text, when it has a JSON form (no NaN or infinity).
        var json: String?
    }
}

enum SchemaVerdicts {
    /// Reads each YAML text the two ways above and validates it. Keys given twice are refused,
    /// as editors do: JSON Schema cannot see them, and the loader refuses them too.
    static let script = #"""
        import json, math, re, sys, yaml, jsonschema

        def no_duplicates(loader, node, deep=False):
            loader.flatten_mapping(node)
            seen = set()
            for key_node, _ in node.value:
                key = loader.construct_object(key_node, deep=True)
                if key in seen:
                    raise yaml.constructor.ConstructorError(None, None, "duplicate key %r" % (key,), key_node.start_mark)
                seen.add(key)
            return yaml.SafeLoader.construct_mapping(loader, node, deep=deep)

        class YAML11(yaml.SafeLoader):
            pass
        YAML11.yaml_implicit_resolvers = {
            first: [r for r in resolvers if r[0] not in ("tag:yaml.org,2002:timestamp", "tag:yaml.org,2002:value", "tag:yaml.org,2002:merge")]
            for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
        }
        YAML11.add_constructor("tag:yaml.org,2002:map", lambda l, n: no_duplicates(l, n, deep=True))

        class YAML12(yaml.SafeLoader):
            pass
        YAML12.yaml_implicit_resolvers = {}
        core = [
            ("tag:yaml.org,2002:null", r"^(?:~|null|Null|NULL|)$", list("~nN") + [""]),
            ("tag:yaml.org,2002:bool", r"^(?:true|True|TRUE|false|False|FALSE)$", list("tTfF")),
            ("tag:yaml.org,2002:int", r"^(?:[-+]?[0-9]+|0o[0-7]+|0x[0-9a-fA-F]+)$", list("-+0123456789")),
            ("tag:yaml.org,2002:float",
             r"^(?:[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?|[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN))$",
             list("-+.0123456789")),
        ]
        for tag, pattern, first in core:
            YAML12.add_implicit_resolver(tag, re.compile(pattern), first)
        def core_int(loader, node):
            text = loader.construct_scalar(node)
            if text.startswith("0o"): return int(text[2:], 8)
            if text.startswith("0x"): return int(text[2:], 16)
            return int(text)
        def core_float(loader, node):
            text = loader.construct_scalar(node).lower()
            if text.endswith(".inf"): return -math.inf if text.startswith("-") else math.inf
            if text == ".nan": return math.nan
            return float(text)
        YAML12.add_constructor("tag:yaml.org,2002:int", core_int)
        YAML12.add_constructor("tag:yaml.org,2002:float", core_float)
        YAML12.add_constructor("tag:yaml.org,2002:map", lambda l, n: no_duplicates(l, n, deep=True))

        # The loader reads an application tag (`!custom x`) as quoted text: so do both readings.
        def untagged(loader, node):
            if isinstance(node, yaml.ScalarNode): return loader.construct_scalar(node)
            if isinstance(node, yaml.SequenceNode): return loader.construct_sequence(node, deep=True)
            return no_duplicates(loader, node, deep=True)
        YAML11.add_constructor(None, untagged)
        YAML12.add_constructor(None, untagged)

        def json_keys(value):
            # JSON object keys are text; json.dumps spells 1, true and null keys the same way.
            if isinstance(value, dict):
                out = {}
                for key, item in value.items():
                    if isinstance(key, (list, dict, tuple)):
                        raise ValueError("a key that is not a scalar")
                    out[key if isinstance(key, str) else json.dumps(key)] = json_keys(item)
                return out
            if isinstance(value, list):
                return [json_keys(item) for item in value]
            if isinstance(value, (bytes, set)) or (not isinstance(value, (str, int, float, bool)) and value is not None):
                raise ValueError("a value with no JSON form: %r" % (value,))
            return value

        def read(validator, text, loader):
            try:
                document = json_keys(yaml.load(text, Loader=loader))
            except Exception as error:
                return {"valid": False, "errors": ["not JSON: %s" % error], "json": None}
            errors = ["/".join(str(p) for p in e.absolute_path) + ": " + e.message for e in validator.iter_errors(document)]
            try:
                as_json = json.dumps(document, ensure_ascii=False, allow_nan=False)
            except ValueError:
                as_json = None
            return {"valid": not errors, "errors": errors, "json": as_json}

        request = json.load(sys.stdin)
        jsonschema.Draft202012Validator.check_schema(request["schema"])
        validator = jsonschema.Draft202012Validator(request["schema"])
        json.dump([{"yaml11": read(validator, text, YAML11), "yaml12": read(validator, text, YAML12)}
                   for text in request["documents"]], sys.stdout)
        """#

    /// The verdicts for `documents`, in order, against the schema the model generates. One
    /// Python process validates them all. (The one place Python is found and run.)
    static func validate(_ documents: [String]) throws -> [SchemaVerdict] {
        let schema = JSONWriter.pretty(DraftSchema.document)
        let request: [String: Any] = [
            "schema": try JSONSerialization.jsonObject(with: Data(schema.utf8)),
            "documents": documents,
        ]
        let input = String(decoding: try JSONSerialization.data(withJSONObject: request), as: UTF8.self)
        let result = ExternalTool.run(ExternalTool.python + ["-c", script], stdin: input)
        guard result.status == 0, let start = result.output.firstIndex(of: "[") else {
            throw ValidatorFailure(message: "python exited \(result.status) (are jsonschema and PyYAML installed? see Tests/requirements.txt):\n\(result.output.prefix(2000))")
        }
        let data = Data(result.output[start...].utf8)
        return try JSONDecoder().decode([SchemaVerdict].self, from: data)
    }

    struct ValidatorFailure: Error, CustomStringConvertible {
        var message: String
        var description: String { message }
    }
}

/// What the loader, as `handoff check FILE` runs it, says of a draft text.
enum LoaderVerdict {
    static func accepts(_ text: String) -> (accepted: Bool, errors: [String]) {
        let results = DraftLoader.load(text: text, source: "probe.yaml", requireFormat: true)
        var errors: [String] = []
        for result in results {
            if case .failure(let invalid) = result { errors += invalid.errors.map(\.description) }
        }
        return (results.count == 1 && errors.isEmpty, errors)
    }
}
