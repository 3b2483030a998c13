"""The generic-frame model of `presslens.measure.framing` measured against people.

The data are the narrative-frames articles as `presslens.measure.frame_model` reads them (275
climate-change articles from about 36 outlets, each coded by two or three people). Protocol:
`split_articles` splits the articles once (seeded, stratified on the five labels, copies of one
story kept together) into a development part (about 80%) and a held-out part (about 20%).
Everything chosen (features, C, the presence rule) is chosen by repeated cross-validation on the
development part; `validate` reports that, and the held-out part once, from a model fitted on the
development part, each with 95% bootstrap intervals and beside the baselines (always present, the
majority answer, the cue density alone).
"""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pandas as pd

from presslens.measure import framing, metrics
from presslens.measure.frame_model import (
    MODEL_C,
    coded_eval_articles,
    density_rule,
    density_threshold,
    fit_frame_model,
    predict,
)

SPLIT_SEED = 21  # the one split into development and held-out articles
SPLIT_FOLDS = 5  # one of five (about 20%) is held out
COPY_SIMILARITY = 0.7  # TF-IDF cosine at which two articles count as copies of one story
BOOTSTRAP = 1000  # resamples of the 95% bootstrap intervals


def copy_groups(texts: list[str]) -> np.ndarray:
    """A group number per text: texts whose TF-IDF cosine reaches COPY_SIMILARITY (copies of one
    story), directly or through others, share one."""
    from sklearn.feature_extraction.text import TfidfVectorizer

    X = TfidfVectorizer(sublinear_tf=True).fit_transform(texts)
    sim = (X @ X.T).toarray()
    group = np.arange(len(texts))
    for i in range(len(texts)):
        for j in np.where(sim[i, i + 1 :] >= COPY_SIMILARITY)[0] + i + 1:
            group[group == group[j]] = group[i]
    return group


def split_articles(texts: list[str], gold: pd.DataFrame) -> tuple[np.ndarray, np.ndarray]:
    """The one split: (development positions, held-out positions), stratified on the combination
    of the five labels, copies of one story together, seeded by SPLIT_SEED."""
    import warnings

    from sklearn.model_selection import StratifiedGroupKFold

    key = gold.astype(int).astype(str).agg("".join, axis=1).to_numpy()
    folds = StratifiedGroupKFold(SPLIT_FOLDS, shuffle=True, random_state=SPLIT_SEED)
    with warnings.catch_warnings():  # rare label combinations have fewer members than folds
        warnings.simplefilter("ignore", UserWarning)
        dev, held = next(folds.split(np.zeros(len(gold)), key, copy_groups(texts)))
    return np.sort(dev), np.sort(held)


def subset(dense: dict[str, pd.DataFrame], idx: np.ndarray) -> dict[str, pd.DataFrame]:
    """The dense features of the articles at positions `idx`."""
    return {f: d.iloc[idx].reset_index(drop=True) for f, d in dense.items()}


def _strata(gold: pd.DataFrame, folds: int) -> tuple[np.ndarray, np.ndarray]:
    """Each article's combination of the five labels, and the strata of the cross-validation:
    that combination, or 'rare' for combinations with fewer articles than folds."""
    key = gold.astype(int).astype(str).agg("".join, axis=1).to_numpy()
    rare = pd.Series(key).map(pd.Series(key).value_counts()).to_numpy() < folds
    return key, np.where(rare, "rare", key)


def cv_predict(
    texts: list[str],
    dense: dict[str, pd.DataFrame],
    ncue: pd.DataFrame,
    gold: pd.DataFrame,
    *,
    folds: int = 5,
    seed: int = 0,
    C: float = MODEL_C,
) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Out-of-fold (probabilities, presence): each article judged by a model fitted on the other
    folds (stratified on the five labels)."""
    from sklearn.model_selection import StratifiedKFold

    key, strata = _strata(gold, folds)
    probs = pd.DataFrame(0.0, index=gold.index, columns=gold.columns)
    present = pd.DataFrame(False, index=gold.index, columns=gold.columns)
    for tr, te in StratifiedKFold(folds, shuffle=True, random_state=seed).split(key, strata):
        m = fit_frame_model(
            [texts[i] for i in tr],
            subset(dense, tr),
            ncue.iloc[tr].reset_index(drop=True),
            gold.iloc[tr].reset_index(drop=True),
            C=C,
            seed=seed,
        )
        p, d = predict(
            m, [texts[i] for i in te], subset(dense, te), ncue.iloc[te].reset_index(drop=True)
        )
        probs.iloc[te] = p[gold.columns].to_numpy()
        present.iloc[te] = d[gold.columns].to_numpy()
    return probs, present


def bootstrap_f1(gold: pd.DataFrame, predicted: pd.DataFrame, *, seed: int = 0) -> pd.DataFrame:
    """F1 per frame and macro with 95% percentile bootstrap intervals (articles resampled
    BOOTSTRAP times, seeded): rows frame, f1, f1_lo, f1_hi."""
    g, p = gold.to_numpy(dtype=bool), predicted[gold.columns].to_numpy(dtype=bool)
    idx = np.random.default_rng(seed).integers(0, len(g), (BOOTSTRAP, len(g)))
    tp = (g & p)[idx].sum(1)
    denom = g[idx].sum(1) + p[idx].sum(1)
    f1 = np.where(denom > 0, 2 * tp / np.maximum(denom, 1), 0.0)
    point = [metrics.binary(g[:, j], p[:, j])[2] for j in range(g.shape[1])]
    rows = [
        (f, point[j], *np.percentile(f1[:, j], [2.5, 97.5])) for j, f in enumerate(gold.columns)
    ]
    rows.append(("macro", float(np.mean(point)), *np.percentile(f1.mean(1), [2.5, 97.5])))
    return pd.DataFrame(rows, columns=["frame", "f1", "f1_lo", "f1_hi"])


def _density_predict(dense, ncue, gold, train: np.ndarray, test: np.ndarray) -> pd.DataFrame:
    """Dictionary-only presence of the `test` articles, thresholds fitted on `train`."""
    out = {}
    for f in gold.columns:
        d, k = dense[f]["density"], ncue[f].to_numpy()
        t = density_threshold(d.iloc[train], k[train], gold[f].to_numpy()[train])
        out[f] = density_rule(d.iloc[test], k[test], t)
    return pd.DataFrame(out)


def _density_cv(dense, ncue, gold, *, folds: int, seed: int) -> pd.DataFrame:
    """Out-of-fold dictionary-only presence (thresholds fitted on the other folds)."""
    from sklearn.model_selection import StratifiedKFold

    pred = pd.DataFrame(False, index=gold.index, columns=gold.columns)
    key, strata = _strata(gold, folds)
    for tr, te in StratifiedKFold(folds, shuffle=True, random_state=seed).split(key, strata):
        pred.iloc[te] = _density_predict(dense, ncue, gold, tr, te)[gold.columns].to_numpy()
    return pred


def score_table(
    gold: pd.DataFrame, predicted: pd.DataFrame, density: pd.DataFrame, *, seed: int = 0
) -> pd.DataFrame:
    """Per frame (and macro): n, positives, precision, recall, F1 with its bootstrap interval, and
    the F1 of always answering present, of the majority answer and of the cue density alone."""
    boot = bootstrap_f1(gold, predicted, seed=seed).set_index("frame")
    code = {f: c for c, f in framing.CODES.items()}
    rows = []
    for f in gold.columns:
        y, p = gold[f].to_numpy(dtype=bool), predicted[f].to_numpy(dtype=bool)
        prec, rec, f1 = metrics.binary(y, p)
        rows.append(
            dict(
                frame=f,
                code=code.get(f, ""),
                n=len(y),
                positives=int(y.sum()),
                precision=prec,
                recall=rec,
                f1=f1,
                f1_lo=boot.at[f, "f1_lo"],
                f1_hi=boot.at[f, "f1_hi"],
                always_present_f1=metrics.binary(y, np.ones(len(y), dtype=bool))[2],
                majority_f1=metrics.binary(y, np.full(len(y), y.mean() >= 0.5))[2],
                density_f1=metrics.binary(y, density[f].to_numpy(dtype=bool))[2],
            )
        )
    table = pd.DataFrame(rows)
    macro = {c: table[c].mean() for c in table.columns if c not in ("frame", "code", "n")}
    macro.update(frame="macro", code="", n=len(gold), f1_lo=boot.at["macro", "f1_lo"])
    macro.update(f1_hi=boot.at["macro", "f1_hi"], positives=int(table["positives"].sum()))
    return pd.concat([table, pd.DataFrame([macro])], ignore_index=True)


def _single_cue_calls(present: pd.DataFrame, ncue: pd.DataFrame, gold: pd.DataFrame) -> dict:
    """Frames called present on one cue sentence (the confident route): calls and correct ones."""
    single = present.to_numpy(dtype=bool) & (ncue[present.columns].to_numpy() == 1)
    right = single & gold[present.columns].to_numpy(dtype=bool)
    return {"calls": int(single.sum()), "correct": int(right.sum())}


def _compat(table: pd.DataFrame, texts: list[str]) -> dict[str, object]:
    """What notebook 90 also reads: the density-only and majority figures of the development
    table, and whether every frame the shipped model calls present on the articles, as a run codes
    them, shows evidence (and more than one cue sentence or a confident probability)."""
    coded = framing.code_articles(texts)
    coded = coded[(coded["scheme"] == "generic") & coded["present"]]
    confident = {
        f: v["confident"] for f, v in (framing.frame_model() or {"frames": {}})["frames"].items()
    }
    n_ev = coded["evidence"].str.split().str.len()
    rule = (n_ev >= framing.MIN_CUE_SENTENCES) | (
        coded["probability"] >= coded["frame"].map(confident)
    )
    frames = table[table["frame"] != "macro"]
    return {
        "dictionary_only": frames[["frame", "code"]].assign(f1=frames["density_f1"]),
        "majority_macro_f1": float(frames["majority_f1"].mean()),
        "every_positive_has_evidence": bool((n_ev >= 1).all()),
        "every_positive_follows_the_rule": bool(rule.all()),
    }


def validate(
    folder: str | Path = "eval/narrative-frames",
    *,
    folds: int = 5,
    seed: int = 0,
    repeats: int = 5,
) -> dict[str, object]:
    """The generic frames against people: development cross-validation, held-out, baselines.

    `table`: the development part by `folds`-fold cross-validation (split `seed`), per frame and
    macro, with bootstrap intervals and baselines (always present, majority, cue density alone with
    its thresholds fitted on the other folds); `split_spread`: the macro-F1 over `repeats` splits
    (seeds seed, seed+1, ...). `heldout`: the held-out part judged by a model (and density
    thresholds) fitted on the development part.
    """
    data, texts, dense, ncue, gold = coded_eval_articles(folder)
    dev, held = split_articles(data["text"].tolist(), gold)

    def sub(idx: np.ndarray) -> tuple:
        """The texts, dense features, cue counts and gold of the articles at `idx`."""
        n = ncue.iloc[idx].reset_index(drop=True)
        return (
            [texts[i] for i in idx],
            subset(dense, idx),
            n,
            gold.iloc[idx].reset_index(drop=True),
        )

    dt, dd, dn, dg = sub(dev)
    macros, first = [], None
    for r in range(max(repeats, 1)):
        _, present = cv_predict(dt, dd, dn, dg, folds=folds, seed=seed + r)
        macros.append(float(np.mean([metrics.binary(dg[f], present[f])[2] for f in dg.columns])))
        first = present if first is None else first
    table = score_table(dg, first, _density_cv(dd, dn, dg, folds=folds, seed=seed), seed=seed)
    ht, hd, hn, hg = sub(held)
    _, held_present = predict(fit_frame_model(dt, dd, dn, dg, seed=seed), ht, hd, hn)
    held_density = _density_predict(
        {f: pd.concat([dd[f], hd[f]], ignore_index=True) for f in dd},
        pd.concat([dn, hn], ignore_index=True),
        pd.concat([dg, hg], ignore_index=True),
        np.arange(len(dev)),
        np.arange(len(dev), len(dev) + len(held)),
    )
    return {
        "table": table,
        "heldout": score_table(hg, held_present, held_density, seed=seed),
        "macro_f1": float(table["f1"].iloc[-1]),
        "split_spread": {
            "repeats": len(macros),
            "mean": float(np.mean(macros)),
            "min": float(np.min(macros)),
            "max": float(np.max(macros)),
        },
        "single_cue_calls": _single_cue_calls(first, dn, dg),
        **_compat(table, data["text"].tolist()),
        "n_dev": len(dev),
        "n_heldout": len(held),
        "folds": folds,
    }
