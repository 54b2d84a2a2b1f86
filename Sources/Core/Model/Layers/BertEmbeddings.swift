// BertEmbeddings: word + position + token-type embeddings followed by LayerNorm, and the backward to the word embeddings.

/// BERT's input layer. For token n of sequence b at position t with word id w and type τ:
/// ```
/// e[n] = E_word[w]                               (the "input embeddings" that saliency and IG perturb)
/// s[n] = e[n] + E_position[t] + E_type[τ]        x₀[n] = LN(s[n])
/// de[n] = LN backward(dx₀[n])                    (positions and types are constants for the input gradient)
/// ```
/// Parameters: `embeddings.word.weight` [V, D], `embeddings.position.weight` [P, D],
/// `embeddings.token_type.weight` [2, D], `embeddings.norm.{weight,bias}` [D].
struct BertEmbeddings: Sendable {
    let word: Embedding
    let positions: Int
    let types: Int
    let maxPositions: Int
    let typeCount: Int
    let norm: LayerNorm

    init(configuration c: BertConfiguration, layout: inout ParameterLayout) {
        word = Embedding("embeddings.word", vocabularySize: c.vocabularySize, width: c.hiddenSize,
                         modelWidth: c.hiddenSize, layout: &layout)
        positions = layout.add("embeddings.position.weight", [c.maxPositions, c.hiddenSize])
        types = layout.add("embeddings.token_type.weight", [c.typeVocabularySize, c.hiddenSize])
        maxPositions = c.maxPositions
        typeCount = c.typeVocabularySize
        norm = LayerNorm("embeddings.norm", width: c.hiddenSize, epsilon: c.layerNormEpsilon, layout: &layout)
    }

    /// Tables N(0, 0.02²)-like (scaled uniform), LN γ = 1, β = 0 — for tests; real weights are loaded.
    func initialize(_ p: UnsafeMutablePointer<Float>, rng: inout SplitMix64) {
        word.initialize(p, rng: &rng)
        let d = norm.width
        for i in 0..<((maxPositions + typeCount) * d) { p[positions + i] = (rng.nextUnitFloat() * 2 - 1) * 0.5 }
        norm.initialize(p)
    }

    /// e [B·T, D] (word embeddings) and token types [B·T] → x₀ [B·T, D]; `sum`, `mean`, `rstd` are the LN cache.
    func forward(_ e: UnsafePointer<Float>, types tokenTypes: UnsafePointer<Int32>, batch: BatchShape,
                 parameters p: UnsafePointer<Float>, sum: UnsafeMutablePointer<Float>, mean: UnsafeMutablePointer<Float>,
                 rstd: UnsafeMutablePointer<Float>, into x: UnsafeMutablePointer<Float>, threads: Int) {
        let d = norm.width, t = batch.length
        precondition(t <= maxPositions, "length \(t) exceeds max_position_embeddings \(maxPositions)")
        for n in 0..<batch.rows {
            let type = Int(tokenTypes[n])
            precondition(type >= 0 && type < typeCount, "token type \(type) outside 0..<\(typeCount)")
            let position = p + positions + (n % t) * d, typeRow = p + types + type * d
            let out = sum + n * d, input = e + n * d
            for j in 0..<d { out[j] = input[j] + position[j] + typeRow[j] }
        }
        norm.forward(sum, rows: batch.rows, parameters: p, into: x, mean: mean, rstd: rstd, threads: threads)
    }

    /// dx₀ [B·T, D] → de [B·T, D] (overwritten).
    func backward(_ dx: UnsafePointer<Float>, batch: BatchShape, parameters p: UnsafePointer<Float>,
                  sum: UnsafePointer<Float>, mean: UnsafePointer<Float>, rstd: UnsafePointer<Float>,
                  into de: UnsafeMutablePointer<Float>, threads: Int) {
        norm.backward(dx, x: sum, mean: mean, rstd: rstd, rows: batch.rows, parameters: p, gradients: nil, dx: de,
                      threads: threads)
    }
}
