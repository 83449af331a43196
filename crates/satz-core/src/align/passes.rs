//! The schedule of passes of one alignment, after hunalign's `-realign`
//! (Varga et al. 2005): a first pass with the dictionary-free relation in a
//! band around the rare-anchor chain; then realignment passes, each learning
//! a translation lexicon from the confident 1-1 links of the pass before,
//! re-estimating the parameters and aligning again around the previous
//! path; at segment granularity, one more forward–backward for the gap
//! probabilities (see `orphans.rs`).

use super::dp::DpOut;
use super::learn::{LexiconParams, learn_lexicon};
use super::lexicon::Relation;
use super::options::{Granularity, MIN_SEGMENT_EVIDENCE, SEGMENT_BEADS};
use super::pass::{Ctx, Lexical, Model, Reading};
use super::realign::{self, Params, add_lexicon, class_type_p, estimate_p};
use super::{confidence, guide};

/// Fewest confident 1-1 links a realignment pass learns from.
const MIN_CONFIDENT: usize = 3;

/// The passes of one alignment and what they carry from one to the next.
pub(super) struct Passes<'c, 'a> {
    ctx: &'c Ctx<'a>,
    /// Bead types and parameters of the next pass.
    model: Model,
    /// The dictionary-free relation with the class presence probabilities.
    base: Lexical,
    /// The rare-anchor chain that guides the first pass.
    chain: Vec<(usize, usize)>,
    /// The lexical model of the last pass that learnt one.
    learnt: Option<Lexical>,
}

impl<'c, 'a> Passes<'c, 'a> {
    /// The model before any pass: the bead types of the requested
    /// granularity (sentence beads for [`Granularity::Auto`]), the initial
    /// parameters and the dictionary-free relation.
    pub fn new(ctx: &'c Ctx<'a>) -> Self {
        let opts = ctx.opts;
        let segment = opts.granularity == Granularity::Segment;
        let beads = if segment {
            SEGMENT_BEADS.to_vec()
        } else {
            opts.beads.types()
        };
        let default_ratio = realign::default_ratio(opts.target_lang);
        let params = Params::initial(ctx.src, ctx.tgt, &beads, default_ratio);
        let rel = Relation::base(ctx.src, ctx.tgt);
        let src_p = class_type_p(&rel.src_class, &params.class_p);
        let tgt_p = class_type_p(&rel.tgt_class, &params.class_p);
        // The base model's anchors and the first pass's guide both come
        // from the base relation alone: computed at the same time.
        let (anchors, chain) = rayon::join(
            || Lexical::weigh(ctx.src, ctx.tgt, &rel, (&src_p, &tgt_p)),
            || guide::anchor_chain(ctx.src, ctx.tgt, &rel),
        );
        Passes {
            ctx,
            model: Model {
                segment,
                beads,
                params,
            },
            base: Lexical::with_anchors(rel, anchors),
            chain,
            learnt: None,
        }
    }

    /// Runs all passes and returns the last one's result, its posteriors at
    /// the reporting temperature.
    pub fn run(mut self) -> DpOut {
        let (src, tgt, opts) = (self.ctx.src, self.ctx.tgt, self.ctx.opts);
        // Intermediate passes only guide the next one: their posteriors
        // are taken at temperature 1.
        let first_t = if opts.realign_passes == 0 {
            opts.temperature
        } else {
            1.0
        };
        let pts = guide::points_from_chain(&self.chain, src.len(), tgt.len());
        let mut out = self.run_base(pts, first_t);
        for pass in 0..opts.realign_passes {
            let confident = confident_links(&out, opts.confident_posterior);
            if confident.len() < MIN_CONFIDENT {
                // Too little to learn from: recompute the posteriors at the
                // reporting temperature and stop.
                if first_t != opts.temperature || pass > 0 {
                    out = self.run_base(self.points(&out), opts.temperature);
                }
                break;
            }
            let t = if pass + 1 == opts.realign_passes {
                opts.temperature
            } else {
                1.0
            };
            out = self.realign(&out, &confident, t);
        }
        if self.model.segment {
            self.review_gaps(&mut out);
        }
        out
    }

    /// A pass with the dictionary-free relation around `pts`.
    fn run_base(&self, pts: Vec<(usize, usize)>, temperature: f64) -> DpOut {
        let reading = Reading {
            temperature,
            lambda: None,
        };
        self.ctx.run_pass(&self.base, &self.model, pts, reading)
    }

    /// The corner points of `out`'s path: the guide of the next pass.
    fn points(&self, out: &DpOut) -> Vec<(usize, usize)> {
        guide::points_from_path(&out.path, self.ctx.src.len(), self.ctx.tgt.len())
    }

    /// One realignment pass after `out`: decides the granularity (for
    /// [`Granularity::Auto`]), learns a lexicon from the `confident` links,
    /// re-estimates the parameters and aligns again around `out`'s path.
    fn realign(&mut self, out: &DpOut, confident: &[(usize, usize)], temperature: f64) -> DpOut {
        let opts = self.ctx.opts;
        if opts.granularity == Granularity::Auto
            && !self.model.segment
            && looks_segment_parallel(out, opts.segment_threshold)
        {
            self.model.segment = true;
            self.model.beads = SEGMENT_BEADS.to_vec();
        }
        let lexical = self.learn(confident);
        let params = &mut self.model.params;
        params.reestimate_length(self.ctx.src, self.ctx.tgt, confident);
        params.reestimate_priors(out, &self.model.beads, opts.prior_strength);
        let reading = Reading {
            temperature,
            lambda: None,
        };
        let next = self
            .ctx
            .run_pass(&lexical, &self.model, self.points(out), reading);
        self.learnt = Some(lexical);
        next
    }

    /// The lexical model learnt from the `confident` 1-1 links: the
    /// dictionary-free relation plus the lexicon learnt from the links
    /// (Dice coefficient), with every type's presence probability
    /// estimated on the links.
    fn learn(&self, confident: &[(usize, usize)]) -> Lexical {
        let (src, tgt, opts) = (self.ctx.src, self.ctx.tgt, self.ctx.opts);
        let lexicon_params = LexiconParams {
            min_count: opts.lexicon_min_count,
            min_dice: opts.lexicon_min_dice,
            top_k: opts.lexicon_top_k,
            stem_len: opts.lexicon_stem_len,
        };
        let lex = learn_lexicon(src, tgt, confident, lexicon_params);
        // The base relation of `new`, computed once.
        let mut rel = self.base.rel.clone();
        add_lexicon(&mut rel, &lex);
        let class_p = &self.model.params.class_p;
        let swapped: Vec<(usize, usize)> = confident.iter().map(|&(i, j)| (j, i)).collect();
        // The two sides are independent: estimated at the same time.
        let ((_, src_p), (_, tgt_p)) = rayon::join(
            || {
                let (partners, classes) = (&rel.src, &rel.src_class);
                estimate_p(
                    src,
                    tgt,
                    partners,
                    classes,
                    confident,
                    class_p,
                    opts.p_smoothing,
                )
            },
            || {
                let (partners, classes) = (&rel.tgt, &rel.tgt_class);
                estimate_p(
                    tgt,
                    src,
                    partners,
                    classes,
                    &swapped,
                    class_p,
                    opts.p_smoothing,
                )
            },
        );
        Lexical::new(src, tgt, rel, (&src_p, &tgt_p))
    }

    /// Replaces `out`'s gap probabilities by those of one more
    /// forward–backward over the same band with the words weighed as at
    /// sentence granularity.
    ///
    /// Segment granularity trusts lengths more than words (see
    /// `segment_lexical_weight`), which is right for pairing segments but
    /// not for telling where one is missing.
    fn review_gaps(&self, out: &mut DpOut) {
        let opts = self.ctx.opts;
        // Without a learnt lexicon, the last pass used the base relation.
        let lexical = self.learnt.as_ref().unwrap_or(&self.base);
        let reading = Reading {
            temperature: opts.temperature,
            lambda: Some(opts.lexical_weight),
        };
        let review = self
            .ctx
            .run_pass(lexical, &self.model, self.points(out), reading);
        out.gap_src = review.gap_src;
        out.gap_tgt = review.gap_tgt;
    }
}

/// The 1-1 links `(source, target)` of `out` whose confidence is at least
/// `min_posterior`: what realignment learns from.
fn confident_links(out: &DpOut, min_posterior: f64) -> Vec<(usize, usize)> {
    let conf = confidence::link_confidence(out);
    out.path
        .iter()
        .zip(conf)
        .filter(|(s, c)| (s.a, s.b) == (1, 1) && *c >= min_posterior)
        .map(|(s, _)| (s.i, s.j))
        .collect()
}

/// Whether `out` has enough beads to judge, and at least `threshold` of
/// them are 1-1: the document was evidently translated segment by segment.
fn looks_segment_parallel(out: &DpOut, threshold: f64) -> bool {
    let beads = out.path.len();
    let one_one = out.path.iter().filter(|s| (s.a, s.b) == (1, 1)).count();
    beads >= MIN_SEGMENT_EVIDENCE && one_one as f64 >= threshold * beads as f64
}
