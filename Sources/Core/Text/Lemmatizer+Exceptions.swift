// Lemmatizer+Exceptions: the irregular forms (verbs, plurals, comparatives) that no suffix rule reaches.

extension Lemmatizer {
    /// Irregular form → lemma. Deliberately small: common irregular verbs, plurals and comparatives.
    /// Ambiguous forms whose own reading is a common word ("rose", "saw", "left", "lay") are kept because the
    /// join tries the exact word first, so the exception applies only when the form itself is not rated.
    public static let defaultExceptions: [String: String] = {
        let groups: [String: [String]] = [
            // Verbs.
            "be": ["am", "is", "are", "was", "were", "been", "being"], "have": ["has", "had", "having"],
            "do": ["does", "did", "done"], "go": ["goes", "went", "gone"], "make": ["made"], "say": ["said"],
            "get": ["got", "gotten"], "take": ["took", "taken"], "see": ["saw", "seen"], "come": ["came"],
            "know": ["knew", "known"], "think": ["thought"], "find": ["found"], "give": ["gave", "given"],
            "tell": ["told"], "feel": ["felt"], "leave": ["left"], "keep": ["kept"], "begin": ["began", "begun"],
            "bring": ["brought"], "buy": ["bought"], "run": ["ran"], "write": ["wrote", "written"], "sit": ["sat"],
            "stand": ["stood"], "lose": ["lost"], "pay": ["paid"], "meet": ["met"], "lead": ["led"],
            "understand": ["understood"], "speak": ["spoke", "spoken"], "break": ["broke", "broken"],
            "fall": ["fell", "fallen"], "choose": ["chose", "chosen"], "eat": ["ate", "eaten"],
            "drive": ["drove", "driven"], "forget": ["forgot", "forgotten"], "hide": ["hid", "hidden"],
            "hold": ["held"], "fight": ["fought"], "teach": ["taught"], "catch": ["caught"], "seek": ["sought"],
            "win": ["won"], "sing": ["sang", "sung"], "swim": ["swam", "swum"], "throw": ["threw", "thrown"],
            "fly": ["flew", "flown"], "grow": ["grew", "grown"], "draw": ["drew", "drawn"], "wear": ["wore", "worn"],
            "tear": ["tore", "torn"], "rise": ["rose", "risen"], "shake": ["shook", "shaken"],
            "wake": ["woke", "woken"], "steal": ["stole", "stolen"], "freeze": ["froze", "frozen"],
            "sleep": ["slept"], "spend": ["spent"], "send": ["sent"], "build": ["built"], "mean": ["meant"],
            "deal": ["dealt"], "lay": ["laid"], "lie": ["lay", "lain"], "bleed": ["bled"], "feed": ["fed"],
            "flee": ["fled"], "sell": ["sold"], "strike": ["struck"], "stick": ["stuck"], "swear": ["swore", "sworn"],
            "hang": ["hung"], "dig": ["dug"], "shoot": ["shot"], "bite": ["bit", "bitten"], "ride": ["rode", "ridden"],
            "shine": ["shone"], "forgive": ["forgave", "forgiven"], "bear": ["bore", "borne"], "die": ["died"],
            // Plurals.
            "child": ["children"], "man": ["men"], "woman": ["women"], "person": ["people"], "foot": ["feet"],
            "tooth": ["teeth"], "mouse": ["mice"], "goose": ["geese"], "life": ["lives"], "wife": ["wives"],
            "knife": ["knives"], "wolf": ["wolves"], "leaf": ["leaves"], "half": ["halves"], "self": ["selves"],
            "thief": ["thieves"], "hero": ["heroes"], "potato": ["potatoes"], "crisis": ["crises"],
            "analysis": ["analyses"], "phenomenon": ["phenomena"], "criterion": ["criteria"], "ox": ["oxen"],
            // Comparatives and superlatives.
            "good": ["better", "best"], "bad": ["worse", "worst"], "far": ["further", "farther", "furthest"],
            "little": ["less", "least"], "much": ["more", "most"],
        ]
        var table: [String: String] = [:]
        for (lemma, forms) in groups { for form in forms { table[form] = lemma } }
        return table
    }()
}
