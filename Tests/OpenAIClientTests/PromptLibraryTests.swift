import Foundation
import OpenAIClient
import Testing

@Suite struct PromptLibraryTests {
    @Test func builtInPresetsAreThereAndFindableByIDOrTitle() throws {
        let library = PromptLibrary.builtIn
        #expect(library.presets.map(\.id) == ["vio", "roast", "translator", "programmer"])
        #expect(library["ROAST"] == .roast)
        #expect(library["锐评"] == .roast)
        #expect(library["nobody"] == nil)
        #expect(library.presets.allSatisfy { !$0.systemPrompt.isEmpty && !$0.title.isEmpty })
    }

    @Test func loadsTheActPromptFormat() throws {
        let file = Data("""
        [
          {"act": "担任雅思写作考官", "prompt": "我希望你假定自己是雅思写作考官……"},
          {"act": "  Linux Terminal ", "prompt": "I want you to act as a linux terminal."},
          {"act": "", "prompt": "no name"},
          {"act": "no prompt"},
          {"act": "extra fields", "prompt": "ok", "tags": ["x"]}
        ]
        """.utf8)
        let presets = try PromptLibrary.presets(fromActPromptJSON: file)
        #expect(presets == [
            PromptPreset(id: "担任雅思写作考官", title: "担任雅思写作考官", systemPrompt: "我希望你假定自己是雅思写作考官……"),
            PromptPreset(id: "Linux Terminal", title: "Linux Terminal", systemPrompt: "I want you to act as a linux terminal."),
            PromptPreset(id: "extra fields", title: "extra fields", systemPrompt: "ok"),
        ])
        var library = PromptLibrary.builtIn
        library.add(contentsOf: presets)
        #expect(library["linux terminal"]?.systemPrompt == "I want you to act as a linux terminal.")
        #expect(library.presets.count == 7)
    }

    @Test func addingAPresetWithAKnownIDReplacesIt() {
        var library = PromptLibrary.builtIn
        library.add(contentsOf: [PromptPreset(id: "Vio", title: "Vio 2", systemPrompt: "new")])
        #expect(library.presets.count == 4)
        #expect(library["vio"]?.systemPrompt == "new")
    }

    @Test func rejectsOtherFormats() {
        #expect(throws: PromptLibraryError.self) {
            try PromptLibrary.presets(fromActPromptJSON: Data(#"{"act": "not an array"}"#.utf8))
        }
        #expect(throws: PromptLibraryError.self) {
            try PromptLibrary.presets(fromActPromptJSON: Data("act,prompt\nx,y".utf8))
        }
    }
}
