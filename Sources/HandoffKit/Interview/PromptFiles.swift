/// The prompt files built into the tool, path relative to the prompts folder (`en/idea.yaml`) and text.
public enum PromptFiles { public static var embedded: [(path: String, text: String)] { EmbeddedPrompts.files } }
