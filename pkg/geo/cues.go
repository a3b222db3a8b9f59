package geo

import (
	"strings"

	"github.com/newsdesk/extractor/pkg/events"
	"github.com/newsdesk/extractor/pkg/fold"
	"github.com/newsdesk/extractor/pkg/gazetteer"
)

// maxRun is the longest capitalised run read as one cue-made name.
const maxRun = 10

// lowerFacility reports lower-case nouns that make the capitalised name
// before them a facility ("Abu Ghraib prison", "Google's headquarters").
func lowerFacility(k string) bool {
	switch k {
	case "prison", "jail", "airport", "airbase", "headquarters", "camp", "base", "hospital", "embassy",
		"consulate", "building", "plant", "mosque", "temple", "shrine", "stadium", "bridge", "compound",
		"refinery", "dam", "barracks", "monastery", "cathedral", "hotel", "mall", "palace", "center", "centre":
		return true
	}
	return false
}

// needsModifier reports facility nouns that make a facility only with a
// modifier ("Kakuma refugee camp", "Portsmouth naval base", "Molo police
// station"), not alone ("the pro-Beijing camp").
func needsModifier(k string) bool {
	return k == "camp" || k == "base" || k == "center" || k == "centre"
}

// facilityModifier reports lower-case words between a name and its facility
// noun ("Portsmouth naval base", "Fukushima nuclear power plant").
func facilityModifier(k string) bool {
	switch k {
	case "detention", "nuclear", "power", "naval", "air", "military", "army", "refugee", "main",
		"international", "central", "general", "teaching", "maximum", "security", "federal", "oil", "gas",
		"chemical", "district", "regional", "border", "training", "prison", "cultural", "community", "shopping",
		"medical", "trade", "convention", "sports", "arts", "health", "youth", "research", "islamic", "press":
		return true
	}
	return false
}

// strongLowerFacility are facility nouns that make a facility even after a
// one-word name.
func strongLowerFacility(k string) bool {
	switch k {
	case "prison", "jail", "airport", "airbase", "hospital", "stadium", "mosque", "temple", "bridge", "dam",
		"refinery", "headquarters", "cathedral", "monastery", "shrine", "camp", "base", "plant":
		return true
	}
	return false
}

// lowerUnit reports lower-case unit nouns after an unknown name that make
// it a place ("Kamango region", "Hananiyah neighborhood").
func lowerUnit(k string) string {
	switch k {
	case "province", "governorate", "prefecture", "oblast":
		return gazetteer.KindAdmin1
	case "district", "county", "municipality", "subdistrict", "regency":
		return gazetteer.KindAdmin2
	case "region":
		return gazetteer.KindRegion
	case "village", "town", "area", "neighborhood", "neighbourhood", "suburb", "township":
		return gazetteer.KindCity
	}
	return ""
}

// upperUnit reports capitalised unit nouns closing an unknown name ("North
// Eastern Province").
func upperUnit(k string) string {
	switch k {
	case "province", "governorate", "prefecture", "oblast":
		return gazetteer.KindAdmin1
	case "district", "county", "municipality":
		return gazetteer.KindAdmin2
	case "region":
		return gazetteer.KindRegion
	}
	return ""
}

// streetHead reports heads of street names; the gold counts streets of a
// city as populated places.
func streetHead(k string) bool {
	switch k {
	case "street", "avenue", "road", "boulevard":
		return true
	}
	return false
}

// cueConnector reports lower-case words allowed inside a cue-made name.
func cueConnector(w *word) bool {
	switch w.key {
	case "of", "the", "de", "del", "da", "do", "dos", "das", "di", "du", "des", "la", "le", "les", "el", "al",
		"bin", "ibn", "van", "von", "der":
		return true
	}
	return isPossessive(w)
}

// scanCues finds names that cue words make places: facilities ("Frankfurt
// Airport", "University of Tehran", "Abu Ghraib prison"), features ("Mahakam
// River", "Mount Dena"), regions ("Kamango region") and unknown populated
// places ("the village of Silea", "southwest of Dalbandin").
func (s *Locations) scanCues(c *docCtx) []mention {
	ws := c.ws
	var out []mention
	listKind, listEnd := "", -1
	for i := 0; i < len(ws); {
		if !ws[i].upper {
			i++
			continue
		}
		a, b := i, i+1
		for b < len(ws) && b-a < maxRun && gapOK(c.text, &ws[b-1], &ws[b]) &&
			(ws[b].upper && !calendarWord(ws[b].key) || cueConnector(&ws[b]) || isDigits(ws[b].key)) {
			b++
		}
		for b > a+1 && !ws[b-1].upper && !isDigits(ws[b-1].key) {
			b--
		}
		// "KPC Medical College and Hospital": "and" inside a facility name.
		if b+1 < len(ws) && ws[b].key == "and" && ws[b+1].upper && gapOK(c.text, &ws[b-1], &ws[b]) && gapOK(c.text, &ws[b], &ws[b+1]) {
			e := b + 1
			for e < len(ws) && e-b < 4 && gapOK(c.text, &ws[e-1], &ws[e]) && ws[e].upper {
				e++
			}
			if facilityHead(ws[e-1].key) && facilityHead(ws[b-1].key) {
				b = e
			}
		}
		i = b
		// Leading sentence words are not part of the name.
		for a < b && (functionWord(ws[a].key) || calendarWord(ws[a].key) || !ws[a].upper ||
			ws[a].sentStart && !ws[a].isNNP() && !facilityFirst(ws[a].key) && !featureFirst(ws[a].key)) {
			a++
		}
		if a >= b {
			continue
		}
		m, ok := s.cueRun(c, a, b)
		if !ok && listKind != "" && listEnd >= 0 && a > listEnd && a-listEnd <= 2 && onlyListWords(c, listEnd, a) &&
			!c.rawStart[a] && b-a <= 3 && !s.personRun(c, a, b) {
			// "the villages of Saraf Jidad, Sirba, Silea and Abu Suruj".
			m, ok = s.cueMention(c, a, b, listKind, listKind), true
		}
		if !ok {
			listKind = ""
			continue
		}
		out = append(out, m)
		if m.cueKind == gazetteer.KindCity && m.hint == gazetteer.KindCity {
			listKind, listEnd = m.cueKind, m.last
		} else {
			listKind = ""
		}
	}
	return out
}

// onlyListWords reports whether words [from, to) are only commas and "and".
func onlyListWords(c *docCtx, from, to int) bool {
	for i := from; i < to; i++ {
		if !listWord(&c.ws[i]) {
			return false
		}
	}
	return true
}

// afterOf returns the first word after the last "of" (and "the") inside
// [a, b), or a.
func afterOf(ws []word, a, b int) int {
	r := a
	for i := a; i < b; i++ {
		if ws[i].key == "of" && !ws[i].upper {
			r = i + 1
			if r < b && ws[r].key == "the" {
				r++
			}
		}
	}
	return r
}

// cueRun decides whether the capitalised run [a, b) is a place by a cue.
func (s *Locations) cueRun(c *docCtx, a, b int) (mention, bool) {
	ws := c.ws
	// "U.S. Guantanamo Bay": a country before another name is not part of it.
	if e, ok := c.rawEndAt(a); ok && e < b && c.rawStart[e] && s.countryOnly(c, a, e) {
		a = e
	}
	// "Dr. Norashikin Othman of Hospital Kuala Lumpur": the facility starts
	// after "of".
	if a2 := afterOf(ws, a, b); a2 > a && a2 < b && facilityFirst(ws[a2].key) {
		a = a2
	}
	n := b - a
	first, last := ws[a].key, ws[b-1].key

	// A lower-case facility noun after the run: "Abu Ghraib prison".
	if m, ok := s.lowerFacilityAfter(c, a, b); ok {
		return m, true
	}
	switch {
	case n >= 2 && streetHead(last) && !strings.EqualFold(textOf(c.text, ws, a, b), "Wall Street"):
		return s.cueMention(c, a, b, gazetteer.KindCity, ""), true
	case facilityHead(last) && !orgWord(first) && !c.orgContinues(b):
		a2 := afterPossessive(c, afterOf(ws, a, b), b)
		weakOK := !facilityHeadWeak(last) || s.placeContext(c, a2) && !s.isDemonym(ws[a2].text)
		if b-a2 >= 2 && !s.personRun(c, a2, b-1) && weakOK {
			m := s.cueMention(c, a2, b, gazetteer.KindFacility, "")
			if a2 > a && isPossessive(&ws[a2-1]) {
				m.possessor = a2 - 1 // "Singapore's Changi Airport" lies in Singapore
			}
			return m, true
		}
	case featureHead(last):
		a2 := afterOf(ws, a, b)
		if b-a2 >= 2 && !s.personRun(c, a2, b-1) && !genericName(fold.Key(textOf(c.text, ws, a2, b))) {
			return s.cueMention(c, a2, b, gazetteer.KindFeature, ""), true
		}
	case n >= 2 && regionHead(last):
		return s.cueMention(c, a, b, gazetteer.KindRegion, ""), true
	case n >= 2 && n <= 4 && upperUnit(last) != "" && !c.coversPlace(a, b) && !s.isDemonym(textOf(c.text, ws, a, b-1)) &&
		!hasOrgHead(ws, a, b-1):
		// "North Eastern Province", "Nyanza Province".
		return s.cueMention(c, a, b, upperUnit(last), upperUnit(last)), true
	case n >= 2 && cardinalWord(last) && c.coversPlace(a, b-1) && c.strongStart[a] && !cardinalWord(first):
		// "Kowloon West".
		return s.cueMention(c, a, b, gazetteer.KindRegion, ""), true
	}
	switch {
	case n >= 3 && featureOfFirst(first) && ws[a+1].key == "of":
		return s.cueMention(c, a, b, gazetteer.KindFeature, ""), true
	case n >= 2 && featureFirst(first) && ws[a+1].upper && n <= 4 && !orgWord(last):
		return s.cueMention(c, a, b, gazetteer.KindFeature, ""), true
	case n >= 2 && facilityFirst(first) && (!facilityHeadWeak(first) || s.placeContext(c, a)):
		e := b
		if ws[a+1].key == "of" {
			p := a + 2
			if p < b && ws[p].key == "the" {
				p++
			}
			if pe, ok := c.rawEndAt(p); ok && pe <= b {
				e = pe
			}
		}
		if e-a <= 5 {
			return s.cueMention(c, a, e, gazetteer.KindFacility, ""), true
		}
	}
	// A lower-case unit noun after an unknown name: "Kamango region".
	if nx := nextWord(ws, b-1); nx >= 0 && gapOK(c.text, &ws[b-1], &ws[nx]) {
		if h := lowerUnit(ws[nx].key); h != "" && !ws[nx].upper {
			a2 := a
			for i := a; i < b; i++ {
				if isPossessive(&ws[i]) {
					a2 = i + 1 // "Basra's Hananiyah neighborhood"
				}
			}
			after := nextWord(ws, nx)
			if a2 < b && b-a2 <= 3 && ws[b-1].isNNP() && (after < 0 || !isNounish(&ws[after])) && !creedWord(ws[a2].key) &&
				len(s.gz.RegionalDemonym(ws[a2].text)) == 0 &&
				!c.coversPlace(a2, b) && !s.countryOnly(c, a2, b) && !s.personRun(c, a2, b) {
				m := s.cueMention(c, a2, nx+1, h, h)
				m.nameEnd = ws[b-1].end // "Hananiyah", not "Hananiyah neighborhood"
				return m, true
			}
		}
	}
	if m, ok := s.prepPlace(c, a, b); ok {
		return m, true
	}
	// "the village of Silea", "southwest of Dalbandin".
	if p := prevWord(ws, a); p >= 0 && ws[p].key == "of" && n <= 3 && !c.coversPlace(a, b) && !s.personRun(c, a, b) &&
		!s.countryOnly(c, a, b) {
		if q := prevWord(ws, p); q >= 0 && !ws[q].upper {
			h := unitCue(ws[q].key)
			if compassOf(ws[q].key) {
				h = gazetteer.KindCity
			}
			switch h {
			case gazetteer.KindCity, gazetteer.KindAdmin2, gazetteer.KindRegion:
				return s.cueMention(c, a, b, h, h), true
			}
		}
	}
	return mention{}, false
}

// prepPlace reads an unknown name after a locative preposition as a
// populated place: "In Tawangmangu about 1,000 rescuers", "Police in Ishaqi
// say", "near Lolol". Names that are languages, creeds, organisations,
// acronyms, possessors or modifiers of a noun are not taken.
func (s *Locations) prepPlace(c *docCtx, a, b int) (mention, bool) {
	ws := c.ws
	p := prevWord(ws, a)
	if p < 0 || b-a > 3 {
		return mention{}, false
	}
	switch ws[p].key {
	case "in", "near", "outside", "at":
	default:
		return mention{}, false
	}
	if c.rawStart[a] || s.personRun(c, a, b) || s.isDemonym(textOf(c.text, ws, a, b)) || c.persons[ws[a].key] {
		return mention{}, false
	}
	for i := a; i < b; i++ {
		w := &ws[i]
		if !w.isNNP() || w.caps || functionWord(w.key) || calendarWord(w.key) || titleWord(w.key) || creedWord(w.key) ||
			orgWord(w.key) || orgHead(w.key) || isDigits(w.key) || ideology(w.key) {
			return mention{}, false
		}
		if _, stop := s.gz.StopWord(w.key); stop {
			return mention{}, false
		}
		if len(s.gz.RegionalDemonym(w.text)) > 0 || s.isDemonym(w.text) {
			return mention{}, false
		}
	}
	if n := nextWord(ws, b-1); n >= 0 {
		nw := &ws[n]
		if isPossessive(nw) || isNounish(nw) || isDigits(nw.key) || strings.HasPrefix(nw.tag, "VBN") || nw.upper {
			return mention{}, false
		}
	}
	m := s.cueMention(c, a, b, gazetteer.KindCity, "")
	m.conf = 0.5
	return m, true
}

// ideology reports words for religions and doctrines ("Buddhism",
// "Scientology").
func ideology(k string) bool {
	return strings.HasSuffix(k, "ism") || strings.HasSuffix(k, "ology") || k == "islam" || k == "christianity" ||
		k == "judaism"
}

// lowerFacilityAfter reads a facility named by a capitalised run and a
// lower-case facility noun: "Abu Ghraib prison", "Google's headquarters",
// "Portsmouth naval base".
func (s *Locations) lowerFacilityAfter(c *docCtx, a, b int) (mention, bool) {
	ws := c.ws
	j := nextWord(ws, b-1)
	if j < 0 {
		return mention{}, false
	}
	poss := false
	if isPossessive(&ws[j]) {
		// "Google's headquarters" names a building; "Conakry's main
		// stadium" and "Mousavi's headquarters" do not.
		if c.rawEnd[b-1] || b-a == 1 && c.personLike(a) {
			return mention{}, false
		}
		poss = true
		j = nextWord(ws, j)
	} else if !gapOK(c.text, &ws[b-1], &ws[j]) {
		return mention{}, false
	}
	if j < 0 || ws[j].upper {
		return mention{}, false
	}
	k := j
	for k-j < 3 && facilityModifier(ws[k].key) && !lowerFacility(ws[k].key) {
		if nk := nextWord(ws, k); nk >= 0 {
			k = nk
		} else {
			break
		}
	}
	head := ws[k].key
	if !lowerFacility(head) || needsModifier(head) && k == j || poss && (k != j || head != "headquarters") {
		return mention{}, false
	}
	if after := nextWord(ws, k); after >= 0 && isNounish(&ws[after]) && !strongLowerFacility(head) {
		return mention{}, false // "the Kabul embassy staff"
	}
	n := b - a
	if s.countryOnly(c, a, b) || s.personRun(c, a, b) || creedWord(ws[a].key) || !ws[b-1].isNNP() ||
		!(n >= 2 || k > j || strongLowerFacility(head) || c.coversPlace(a, b)) {
		return mention{}, false
	}
	// "a Jakarta prison", "an Al-Qaeda compound": not a named facility.
	if p := prevWord(ws, a); p >= 0 && (ws[p].key == "a" || ws[p].key == "an") {
		return mention{}, false
	}
	return s.cueMention(c, a, k+1, gazetteer.KindFacility, ""), true
}

// afterPossessive returns the first word after a place's possessive "'s"
// inside [a, b) ("Mecca's Grand Mosque" -> "Grand Mosque"), or a.
func afterPossessive(c *docCtx, a, b int) int {
	for i := a + 1; i < b-1; i++ {
		if isPossessive(&c.ws[i]) && c.rawEnd[i-1] {
			return i + 1
		}
	}
	return a
}

// orgContinues reports whether the name ending before word b goes on with
// "for"/"of" and a capitalised word ("Australian Centre for Control of
// Iodine Deficiency Disorders" is an organisation).
func (c *docCtx) orgContinues(b int) bool {
	ws := c.ws
	if b >= len(ws) || b == 0 || ws[b].sent != ws[b-1].sent {
		return false
	}
	if k := ws[b].key; k != "for" && k != "of" && k != "on" {
		return false
	}
	n := nextWord(ws, b)
	if n >= 0 && ws[n].key == "the" {
		n = nextWord(ws, n)
	}
	return n >= 0 && ws[n].upper
}

// hasOrgHead reports whether words [a, b) hold an organisation word
// ("Irving Independent School District" is not a district).
func hasOrgHead(ws []word, a, b int) bool {
	for i := a; i < b; i++ {
		if orgHead(ws[i].key) || orgWord(ws[i].key) {
			return true
		}
	}
	return false
}

// personLike reports whether the word at i is used elsewhere in the
// article after a capitalised first name ("Mir-Hossein Mousavi").
func (c *docCtx) personLike(i int) bool {
	k := c.ws[i].key
	for j := range c.ws {
		w := &c.ws[j]
		if w.key != k || j == 0 {
			continue
		}
		p := &c.ws[j-1]
		if p.sent == w.sent && p.upper && p.isNNP() && !functionWord(p.key) && !c.rawEnd[j-1] && !titleWord(p.key) &&
			(gapOK(c.text, p, w)) {
			return true
		}
	}
	return false
}

// placeContext reports whether the name at word a is introduced as a place:
// after a locative preposition, possibly with "the".
func (s *Locations) placeContext(c *docCtx, a int) bool {
	p := prevWord(c.ws, a)
	if p >= 0 && c.ws[p].key == "the" {
		p = prevWord(c.ws, p)
	}
	if p < 0 {
		return false
	}
	switch c.ws[p].key {
	case "in", "at", "near", "outside", "inside", "into", "of":
		return true
	case "to":
		q := prevWord(c.ws, p)
		return q < 0 || c.ws[q].key != "according"
	}
	return false
}

// rawEndAt returns the end (exclusive word index) of the raw gazetteer
// mention starting at word i.
func (c *docCtx) rawEndAt(i int) (int, bool) {
	e, ok := c.rawEnds[i]
	return e, ok
}

// cueMention makes a cue mention of words [a, b).
func (s *Locations) cueMention(c *docCtx, a, b int, kind, hint string) mention {
	ws := c.ws
	m := mention{first: a, last: b, src: srcCue, cueKind: kind, hint: hint, sent: ws[a].sent, possessor: -1}
	m.span = events.Span{Start: ws[a].start, End: ws[b-1].end}
	m.key = fold.Key(c.text[m.span.Start:m.span.End])
	return m
}

// coversPlace reports whether a raw gazetteer mention covers exactly the
// words [a, b).
func (c *docCtx) coversPlace(a, b int) bool {
	e, ok := c.rawEnds[a]
	return ok && e == b
}

// countryOnly reports runs that are only a country name or a demonym
// ("Iran's embassy" is not a named facility).
func (s *Locations) countryOnly(c *docCtx, a, b int) bool {
	t := textOf(c.text, c.ws, a, b)
	if _, ok := s.gz.CountryByName(t); ok {
		return true
	}
	return s.isDemonym(t)
}

// personRun reports runs that start with a title ("President Bush") and so
// name a person.
func (s *Locations) personRun(c *docCtx, a, b int) bool {
	return b > a && personTitle(c.ws[a].key)
}
