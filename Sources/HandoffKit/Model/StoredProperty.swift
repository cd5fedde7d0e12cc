/// Reading and writing a record's stored property at its offset instead of through its key path.
///
/// `root[keyPath:]` is a runtime key-path projection of some 500 instructions, and the field table
/// pays it for every field of every draft decoded, walked or exported. `MemoryLayout.offset(of:)`
/// gives a stored property's offset inside a struct (the documented way to reach it through a
/// pointer); any other key path (a computed property, a class) has none and goes through the key
/// path as before.
enum StoredProperty {
    /// Reads the value at `keyPath`, at its offset when it is a stored property.
    static func reader<Root, Value>(_ keyPath: KeyPath<Root, Value>) -> (Root) -> Value {
        guard let offset = MemoryLayout<Root>.offset(of: keyPath) else { return { $0[keyPath: keyPath] } }
        return { root in
            withUnsafeBytes(of: root) { bytes in
                bytes.baseAddress!.advanced(by: offset).assumingMemoryBound(to: Value.self).pointee
            }
        }
    }

    /// Stores a value at `keyPath` (the old value released as by assignment), at its offset when
    /// it is a stored property.
    static func writer<Root, Value>(_ keyPath: WritableKeyPath<Root, Value>) -> (inout Root, Value) -> Void {
        guard let offset = MemoryLayout<Root>.offset(of: keyPath) else { return { $0[keyPath: keyPath] = $1 } }
        return { root, value in
            withUnsafeMutableBytes(of: &root) { bytes in
                bytes.baseAddress!.advanced(by: offset).assumingMemoryBound(to: Value.self).pointee = value
            }
        }
    }
}
