// BertEmbeddings: word + position + token-type embeddings followed by LayerNorm, and the backward to the word embeddings.

/// BERT's input layer. For token n of sequence b at position t with word id w and type τ:
/// ```
/// e[n] = E_word[w]                               (the "input embeddings" that saliency and IG perturb)
/// s[n] = e[n] + E_position[t] + E_type[τ]        x₀[n] = Drop(LN(s[n]))   (dropout in fine-tuning only)
/// de[n] = LN backward(dx₀[n])                    (positions and types are constants for the input gradient)
/// dE_word[w] += ds[n]    dE_position[t] += ds[n]    dE_type[τ] += ds[n]    (fine-tuning; ds = de)
/// ```
/// The table rows of padded positions (t ≥ L_b) are skipped: nothing reads their outputs (every softmax masks them),
/// so their dx₀ is zero in any loss of real tokens, and the [PAD] row stays without gradient as PyTorch's
/// `padding_idx` leaves it.
/// Parameters: `embeddings.word.weight` [V, D], `embeddings.position.weight` [P, D],
/// `embeddings.token_type.weight` [2, D], `embeddings.norm.{weight,bias}` [D].
struct BertEmbeddings: Sendable {
    let word: Embedding
    let positions: Int
    let types: Int
    let maxPositions: Int
    let typeCount: Int
    let norm: LayerNorm
    /// Of x₀ (`hidden_dropout_prob`), applied by the encoder in training only.
    let dropout: Dropout

    init(configuration c: BertConfiguration, layout: inout ParameterLayout) {
        word = Embedding("embeddings.word", vocabularySize: c.vocabularySize, width: c.hiddenSize,
                         modelWidth: c.hiddenSize, layout: &layout)
        positions = layout.add("embeddings.position.weight", [c.maxPositions, c.hiddenSize])
        types = layout.add("embeddings.token_type.weight", [c.typeVocabularySize, c.hiddenSize])
        maxPositions = c.maxPositions
        typeCount = c.typeVocabularySize
        norm = LayerNorm("embeddings.norm", width: c.hiddenSize, epsilon: c.layerNormEpsilon, layout: &layout)
        dropout = Dropout(probability: c.hiddenDropout ?? 0)
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

    /// dx₀ [B·T, D] → ds [B·T, D] (overwritten); the norm's gradients and the tables' rows of real tokens accumulate
    /// into `g`. `ids` are the forward's word ids (needed with `g`).
    func backward(_ dx: UnsafePointer<Float>, ids: UnsafePointer<Int32>, types tokenTypes: UnsafePointer<Int32>,
                  batch: BatchShape, parameters p: UnsafePointer<Float>, gradients g: UnsafeMutablePointer<Float>,
                  sum: UnsafePointer<Float>, mean: UnsafePointer<Float>, rstd: UnsafePointer<Float>,
                  into ds: UnsafeMutablePointer<Float>, threads: Int) {
        let d = norm.width, t = batch.length
        norm.backward(dx, x: sum, mean: mean, rstd: rstd, rows: batch.rows, parameters: p, gradients: g,
                      dx: ds, threads: threads)
        for n in 0..<batch.rows where n % t < batch.lengths[n / t] {
            let row = ds + n * d
            let wordRow = g + word.table + Int(ids[n]) * d, positionRow = g + positions + (n % t) * d
            let typeRow = g + types + Int(tokenTypes[n]) * d
            for j in 0..<d {
                wordRow[j] += row[j]
                positionRow[j] += row[j]
                typeRow[j] += row[j]
            }
        }
    }

    /// dx₀ [B·T, D] → de [B·T, D] (overwritten).
    func backward(_ dx: UnsafePointer<Float>, batch: BatchShape, parameters p: UnsafePointer<Float>,
                  sum: UnsafePointer<Float>, mean: UnsafePointer<Float>, rstd: UnsafePointer<Float>,
                  into de: UnsafeMutablePointer<Float>, threads: Int) {
        norm.backward(dx, x: sum, mean: mean, rstd: rstd, rows: batch.rows, parameters: p, gradients: nil, dx: de,
                      threads: threads)
    }
}
