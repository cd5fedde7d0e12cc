public enum PromptFiles { public static var embedded: [(path: String, text: String)] { EmbeddedPrompts.files } }
