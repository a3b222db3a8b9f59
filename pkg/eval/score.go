package eval

import (
	"fmt"
	"strings"

	"github.com/newsdesk/extractor/pkg/events"
	"github.com/newsdesk/extractor/pkg/norm"
)

// Result kinds, the names of the Scores fields in JSON.
const (
	KindActors            = "actors"
	KindStates            = "states"
	KindLocations         = "locations"
	KindCasualties        = "casualties"
	KindQuotesDirect      = "quotes_direct"
	KindQuotesIndirect    = "quotes_indirect"
	KindActorKind         = "actor_kind"
	KindActorRole         = "actor_role"
	KindActorAffiliation  = "actor_affiliation"
	KindLocationCountry   = "location_country"
	KindCasualtyQualifier = "casualty_qualifier"
	KindSpeakerDirect     = "speaker_direct"
	KindSpeakerIndirect   = "speaker_indirect"
)

// Finding is one mistake in an article. For a missed gold record Record
// describes it; for a spurious prediction Record describes the prediction;
// for a wrong field of a matched pair Record describes the gold record and
// Gold and Pred hold the two values.
type Finding struct {
	Kind   string `json:"kind"` // a Kind* constant
	Record string `json:"record"`
	Gold   string `json:"gold,omitempty"`
	Pred   string `json:"predicted,omitempty"`
}

// ArticleResult is the score of one article with its mistakes.
type ArticleResult struct {
	ID string `json:"id"`
	Scores
	Missed   []Finding `json:"missed"`   // gold records no prediction matched
	Spurious []Finding `json:"spurious"` // predictions that matched no gold record
	Wrong    []Finding `json:"wrong"`    // matched pairs with a wrong field
}

// Score scores pred against every gold document, in id order. A gold
// document without a prediction is scored against an empty one;
// predictions for articles without a gold document are ignored.
func Score(gold, pred map[string]*events.Document) *Report {
	r := &Report{}
	for _, id := range IDs(gold) {
		p := pred[id]
		if p == nil {
			p = &events.Document{ID: id}
		}
		a := ScoreArticle(gold[id], p)
		a.ID = id
		r.Articles++
		r.Scores.Add(a.Scores)
		r.Results = append(r.Results, a)
	}
	return r
}

// ScoreArticle scores the predicted document of one article against its
// gold document; a nil prediction is an empty one.
func ScoreArticle(gold, pred *events.Document) ArticleResult {
	if pred == nil {
		pred = &events.Document{}
	}
	res := ArticleResult{ID: gold.ID}
	scoreActors(&res, gold, pred)
	scoreStates(&res, gold, pred)
	scoreLocations(&res, gold.Locations, pred.Locations)
	scoreCasualties(&res, gold.Casualties, pred.Casualties)
	scoreQuotes(&res, gold, pred, events.QuoteDirect)
	scoreQuotes(&res, gold, pred, events.QuoteIndirect)
	return res
}

// outcome counts a matching and records its missed and spurious records.
func (res *ArticleResult) outcome(kind string, goldTo, predTo []int, describeGold, describePred func(int) string) Counts {
	var c Counts
	for g, p := range goldTo {
		if p >= 0 {
			c.TP++
		} else {
			c.FN++
			res.Missed = append(res.Missed, Finding{Kind: kind, Record: describeGold(g)})
		}
	}
	for p, g := range predTo {
		if g < 0 {
			c.FP++
			res.Spurious = append(res.Spurious, Finding{Kind: kind, Record: describePred(p)})
		}
	}
	return c
}

// judge counts one matched pair in acc and records it when wrong.
func (res *ArticleResult) judge(acc *Accuracy, kind string, right bool, record, gold, pred string) {
	acc.count(right)
	if !right {
		res.Wrong = append(res.Wrong, Finding{Kind: kind, Record: record, Gold: gold, Pred: pred})
	}
}

// splitActors separates persons and organizations (everything not a state)
// from states.
func splitActors(all []events.Actor) (actors, states []events.Actor) {
	for _, a := range all {
		if a.Kind == events.KindState {
			states = append(states, a)
		} else {
			actors = append(actors, a)
		}
	}
	return actors, states
}

// namePairs proposes every pair sharing a normalised name; a pair sharing
// more names is better.
func namePairs(gold, pred [][]string) []pair {
	var pairs []pair
	for g, gn := range gold {
		for p, pn := range pred {
			if n := shared(gn, pn); n > 0 {
				pairs = append(pairs, pair{G: g, P: p, Score: float64(n)})
			}
		}
	}
	return pairs
}

func actorNames(as []events.Actor) [][]string {
	out := make([][]string, len(as))
	for i, a := range as {
		out[i] = nameSet(norm.Name, a.Name, a.Aliases)
	}
	return out
}

func scoreActors(res *ArticleResult, gold, pred *events.Document) {
	g, _ := splitActors(gold.Actors)
	p, _ := splitActors(pred.Actors)
	goldTo, predTo := assign(len(g), len(p), namePairs(actorNames(g), actorNames(p)))
	res.Actors = res.outcome(KindActors, goldTo, predTo,
		func(i int) string { return describeActor(g[i]) },
		func(i int) string { return describeActor(p[i]) })
	for gi, pi := range goldTo {
		if pi < 0 {
			continue
		}
		ga, pa := g[gi], p[pi]
		res.judge(&res.ActorKind, KindActorKind, ga.Kind == pa.Kind, ga.Name, ga.Kind, pa.Kind)
		gr := norm.Words(strings.Join(ga.Roles, " "))
		if len(gr) > 0 {
			pr := norm.Words(strings.Join(pa.Roles, " "))
			res.judge(&res.ActorRole, KindActorRole, halfOverlap(gr, pr), ga.Name,
				strings.Join(ga.Roles, "; "), strings.Join(pa.Roles, "; "))
		}
		if gf := norm.Name(ga.Affiliation); gf != "" {
			res.judge(&res.ActorAffiliation, KindActorAffiliation, gf == norm.Name(pa.Affiliation), ga.Name,
				ga.Affiliation, pa.Affiliation)
		}
	}
}

// scoreStates matches states: the same alpha-2 code in affiliation or a
// shared name; a pair with both is better.
func scoreStates(res *ArticleResult, gold, pred *events.Document) {
	_, g := splitActors(gold.Actors)
	_, p := splitActors(pred.Actors)
	gn, pn := actorNames(g), actorNames(p)
	var pairs []pair
	for gi, ga := range g {
		code := strings.ToUpper(strings.TrimSpace(ga.Affiliation))
		for pi, pa := range p {
			score := float64(shared(gn[gi], pn[pi]))
			if code != "" && code == strings.ToUpper(strings.TrimSpace(pa.Affiliation)) {
				score++
			}
			if score > 0 {
				pairs = append(pairs, pair{G: gi, P: pi, Score: score})
			}
		}
	}
	goldTo, predTo := assign(len(g), len(p), pairs)
	res.States = res.outcome(KindStates, goldTo, predTo,
		func(i int) string { return describeActor(g[i]) },
		func(i int) string { return describeActor(p[i]) })
}

func scoreLocations(res *ArticleResult, g, p []events.Location) {
	names := func(ls []events.Location) [][]string {
		out := make([][]string, len(ls))
		for i, l := range ls {
			out[i] = nameSet(norm.Location, l.Name, l.Aliases)
		}
		return out
	}
	goldTo, predTo := assign(len(g), len(p), namePairs(names(g), names(p)))
	res.Locations = res.outcome(KindLocations, goldTo, predTo,
		func(i int) string { return describeLocation(g[i]) },
		func(i int) string { return describeLocation(p[i]) })
	for gi, pi := range goldTo {
		if pi >= 0 {
			gc, pc := g[gi].Country, p[pi].Country
			res.judge(&res.LocationCountry, KindLocationCountry,
				strings.EqualFold(strings.TrimSpace(gc), strings.TrimSpace(pc)), g[gi].Name, gc, pc)
		}
	}
}

// scoreCasualties matches records of the same category, count and
// count_max; with null counts the victims must share a word. Pairs sharing
// more victim words, then agreeing on the qualifier, are better.
func scoreCasualties(res *ArticleResult, g, p []events.Casualty) {
	gv, pv := make([][]string, len(g)), make([][]string, len(p))
	for i := range g {
		gv[i] = victimWords(g[i].Victims)
	}
	for i := range p {
		pv[i] = victimWords(p[i].Victims)
	}
	var pairs []pair
	for gi, gc := range g {
		for pi, pc := range p {
			if gc.Category != pc.Category || !sameInt(gc.Count, pc.Count) || !sameInt(gc.CountMax, pc.CountMax) {
				continue
			}
			o := overlap(dedup(gv[gi]), dedup(pv[pi]))
			if gc.Count == nil && o == 0 {
				continue
			}
			score := float64(o)
			if gc.Qualifier == pc.Qualifier {
				score += 0.5
			}
			pairs = append(pairs, pair{G: gi, P: pi, Score: score})
		}
	}
	goldTo, predTo := assign(len(g), len(p), pairs)
	res.Casualties = res.outcome(KindCasualties, goldTo, predTo,
		func(i int) string { return describeCasualty(g[i]) },
		func(i int) string { return describeCasualty(p[i]) })
	for gi, pi := range goldTo {
		if pi >= 0 {
			res.judge(&res.CasualtyQualifier, KindCasualtyQualifier, g[gi].Qualifier == p[pi].Qualifier,
				describeCasualty(g[gi]), g[gi].Qualifier, p[pi].Qualifier)
		}
	}
}

// minQuoteWords is the fewest words a quote needs to be scored.
const minQuoteWords = 4

// scoreQuotes matches the quotes of one kind by word overlap; a pair
// overlapping by a larger share of the longer quote is better. Gold
// fragments of fewer than four words are left out, and so are predicted
// quotes of fewer than four words or half-overlapping a left-out fragment.
func scoreQuotes(res *ArticleResult, gold, pred *events.Document, kind string) {
	var g, p []events.Quote
	var gw, pw, fragments [][]string
	for _, q := range gold.Quotes {
		if q.Kind != kind {
			continue
		}
		w := norm.Words(q.Text)
		if len(w) < minQuoteWords {
			fragments = append(fragments, w)
			continue
		}
		g, gw = append(g, q), append(gw, w)
	}
next:
	for _, q := range pred.Quotes {
		if q.Kind != kind {
			continue
		}
		w := norm.Words(q.Text)
		if len(w) < minQuoteWords {
			continue
		}
		for _, f := range fragments {
			if halfOverlap(f, w) {
				continue next
			}
		}
		p, pw = append(p, q), append(pw, w)
	}
	var pairs []pair
	for gi := range g {
		for pi := range p {
			if halfOverlap(gw[gi], pw[pi]) {
				o := overlap(gw[gi], pw[pi])
				pairs = append(pairs, pair{G: gi, P: pi, Score: float64(o) / float64(max(len(gw[gi]), len(pw[pi])))})
			}
		}
	}
	goldTo, predTo := assign(len(g), len(p), pairs)
	counts := res.outcome(kindName(kind), goldTo, predTo,
		func(i int) string { return describeQuote(g[i]) },
		func(i int) string { return describeQuote(p[i]) })
	acc, accKind := &res.SpeakerDirect, KindSpeakerDirect
	if kind == events.QuoteDirect {
		res.QuotesDirect = counts
	} else {
		res.QuotesIndirect = counts
		acc, accKind = &res.SpeakerIndirect, KindSpeakerIndirect
	}
	for gi, pi := range goldTo {
		if pi >= 0 {
			res.judge(acc, accKind, rightSpeaker(gold.Actors, g[gi].Speaker, p[pi].Speaker),
				describeQuote(g[gi]), g[gi].Speaker, p[pi].Speaker)
		}
	}
}

func kindName(quoteKind string) string {
	if quoteKind == events.QuoteDirect {
		return KindQuotesDirect
	}
	return KindQuotesIndirect
}

// rightSpeaker reports whether the predicted speaker normalises to the gold
// speaker or to one of the names of the gold actor of that name.
func rightSpeaker(actors []events.Actor, gold, pred string) bool {
	ps := norm.Name(pred)
	if ps == norm.Name(gold) {
		return true
	}
	gs := norm.Name(gold)
	for _, a := range actors {
		if norm.Name(a.Name) != gs {
			continue
		}
		for _, n := range nameSet(norm.Name, a.Name, a.Aliases) {
			if n == ps {
				return true
			}
		}
	}
	return false
}

func sameInt(a, b *int) bool {
	if a == nil || b == nil {
		return a == nil && b == nil
	}
	return *a == *b
}

// dedup returns the distinct words of ws, in order.
func dedup(ws []string) []string {
	out := make([]string, 0, len(ws))
	for _, w := range ws {
		seen := false
		for _, o := range out {
			if o == w {
				seen = true
				break
			}
		}
		if !seen {
			out = append(out, w)
		}
	}
	return out
}

func describeActor(a events.Actor) string {
	s := fmt.Sprintf("%s (%s", a.Name, a.Kind)
	if a.Affiliation != "" {
		s += ", " + a.Affiliation
	}
	s += ")"
	if len(a.Aliases) > 0 {
		s += " aka " + strings.Join(a.Aliases, ", ")
	}
	if len(a.Roles) > 0 {
		s += " [" + strings.Join(a.Roles, "; ") + "]"
	}
	return s
}

func describeLocation(l events.Location) string {
	s := fmt.Sprintf("%s (%s, %q)", l.Name, l.Kind, l.Country)
	if len(l.Aliases) > 0 {
		s += " aka " + strings.Join(l.Aliases, ", ")
	}
	return s
}

func describeCasualty(c events.Casualty) string {
	n := "null"
	if c.Count != nil {
		n = fmt.Sprint(*c.Count)
	}
	if c.CountMax != nil {
		n += fmt.Sprintf("-%d", *c.CountMax)
	}
	s := fmt.Sprintf("%s %s %s %q victims=%q", c.Category, n, c.Qualifier, c.Phrase, c.Victims)
	if c.Source != "" {
		s += fmt.Sprintf(" source=%q", c.Source)
	}
	return s
}

func describeQuote(q events.Quote) string {
	return fmt.Sprintf("%q — %s", q.Text, q.Speaker)
}
