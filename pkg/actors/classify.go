package actors

import (
	"regexp"
	"strings"

	"github.com/newsdesk/extractor/pkg/lexicon"
)

// classify decides what a mention names from the words alone; context
// cues are added by readContext and the final person/organization call for
// the remaining unknowns is made by decide.
func (a *analysis) classify(m *mention) {
	if m.kind != kUnknown {
		return // made by acronymPhrases
	}
	if m.core >= m.last || m.text == "" {
		m.kind = kTitleOnly
		return
	}
	txt := m.text
	n := m.last - m.core
	first, last := a.toks[m.core], a.toks[m.last-1]
	if a.dateline(m) {
		m.kind = kNonActor
		return
	}
	if cc, ok := a.countryByName(txt); ok && m.titleRole == "" {
		m.kind, m.iso2 = kCountry, cc
		return
	}
	if cc, ok := a.stateName(m); ok {
		m.kind, m.iso2 = kCountry, cc
		return
	}
	if cc, ok := a.demonym(txt); ok && n == 1 && m.titleRole == "" {
		m.kind, m.iso2 = kDemonym, cc // "Russian", also when a list has it as a name
		return
	}
	if cc, ok := a.capitalOf(txt); ok && n == 1 && m.titleRole == "" && !m.honorific {
		m.kind, m.iso2 = kCapital, cc // "Moscow", also when a list has it as a name
		return
	}
	if o, ok := a.lex.Org(txt); ok && m.titleRole == "" && !m.honorific && !a.knownPerson(m) {
		a.setOrg(m, &o)
		if n > 1 {
			a.prefixAff(m) // "Saudi Aramco": the name's own country beats the list's
		}
		return
	}
	if n > 1 && a.isDemonymOrCountry(first.Text) {
		rest := a.text[a.toks[m.core+1].Start:m.end]
		if o, ok := a.lex.Org(rest); ok {
			a.setOrg(m, &o)
			a.prefixAff(m)
			return
		}
	}
	if cc, ok := a.demonym(txt); ok && m.titleRole == "" {
		m.kind, m.iso2 = kDemonym, cc
		return
	}
	if cc, ok := a.capitalOf(txt); ok && m.titleRole == "" && !m.honorific {
		m.kind, m.iso2 = kCapital, cc
		return
	}
	if n == 1 && (a.lex.Is(lexicon.Relig, first.fold) || a.lex.Is(lexicon.StopCap, first.fold) || a.lex.Is(lexicon.NotAlone, first.fold)) {
		m.kind = kNonActor
		return
	}
	if v, ok := a.lex.Word(lexicon.GovBody, txt); ok && m.titleRole == "" && (n > 1 || a.lex.Is(lexicon.Common, first.low) == false) && v != "" {
		// "White House", "Kremlin", "State Department"
		m.kind, m.orgKind = kOrg, "gov"
		a.prefixAff(m)
		return
	}
	if n == 1 && m.core > 0 && a.toks[m.core-1].Text == "The" {
		if v, ok := a.lex.Word(lexicon.OrgTail, first.fold); ok && v == "media" {
			m.kind, m.orgKind = kOrg, "media" // "The Times"
			return
		}
	}
	if loc, ok := a.locationAt(m.start, m.end); ok && loc.Kind != "" && loc.Kind != "facility" && m.titleRole == "" && !m.honorific {
		// a place the geo stage found: "West Bank", "World Trade Center"
		m.kind = kPlace
		return
	}
	if k, ok := a.orgHeadKind(m); ok && m.titleRole == "" && !m.honorific {
		m.kind, m.orgKind = kOrg, k
		a.prefixAff(m)
		return
	}
	if n > 1 && romanNumeral(last.Text) {
		last = a.toks[m.last-2] // "World War II"
	}
	// "Camp Bastion", "Lake Kivu"; but "Park Jin-hyuk" (a surname, and
	// no place the geo stage found)
	if a.lex.Is(lexicon.NonActor, last.fold) || a.lex.Is(lexicon.NonActor, first.fold) && n > 1 && !a.lex.Surname(first.Text) && !a.inApposition(m) {
		if m.titleRole == "" && !m.honorific {
			m.kind = kNonActor
			return
		}
	}
	a.lexicalScores(m)
}

// inApposition reports whether a role description stands in apposition
// right before or after m: "the UN special envoy, Park Jin-hyuk,".
func (a *analysis) inApposition(m *mention) bool {
	end := a.sentEnd(m.first)
	if m.last+1 < end && a.toks[m.last].Text == "," {
		if rp, ok := a.parseRoleNP(m.last+1, end); ok && rp.det {
			return true
		}
	}
	if m.first >= 2 && a.toks[m.first-1].Text == "," {
		if start := a.npStart(m.first - 2); start >= 0 {
			rp, ok := a.parseRoleNP(start, m.first-1)
			return ok && rp.end == m.first-1
		}
	}
	return false
}

// knownPerson reports whether the name is a known person's full name
// without an organization word ("Osama bin Laden").
func (a *analysis) knownPerson(m *mention) bool {
	if m.last-m.core < 2 || m.last-m.core > 4 {
		return false
	}
	if _, org := a.orgHeadKind(m); org {
		return false
	}
	if _, ok := a.lex.Person(m.text); ok {
		return true
	}
	// "Fethullah Gülen": a given name and a known last name, in a list
	// entry that is no armed group, agency or government body
	o, _ := a.lex.Org(m.text)
	first, last := a.toks[m.core], a.toks[m.last-1]
	return (o.Kind == "other" || o.Kind == "ngo") && a.lex.GivenName(first.Text) && !a.lex.Is(lexicon.Common, first.low) &&
		a.lex.Surname(last.Text) && !isAllCaps(m.text)
}

// dateline reports whether m is the news source of a dateline:
// "BAGHDAD (Reuters) -".
func (a *analysis) dateline(m *mention) bool {
	if m.first == 0 || m.last+1 >= len(a.toks) {
		return false
	}
	if a.toks[m.first-1].Text != "(" || a.toks[m.last].Text != ")" {
		return false
	}
	switch a.toks[m.last+1].Text {
	case "-", "—", "–", "--":
	default:
		return false
	}
	s := a.sents[a.toks[m.first].sent]
	return m.first-s.First <= 8
}

// stateName recognises a country named by a long form that the gazetteer
// may lack: "Islamic Emirate of Afghanistan", "Government of Turkey",
// "Republic of X": a state head word, "of" and a country.
func (a *analysis) stateName(m *mention) (string, bool) {
	for k := m.core + 1; k+1 < m.last; k++ {
		if a.toks[k].low != "of" || !stateHeads[a.toks[k-1].low] {
			continue
		}
		for q := m.core; q < k-1; q++ {
			if a.lex.Is(lexicon.OrgHead, a.toks[q].fold) || connectors[a.toks[q].low] {
				return "", false // "Foreign Ministry of the Islamic Emirate of X"
			}
		}
		j := k + 1
		if j < m.last && a.toks[j].low == "the" {
			j++
		}
		if j >= m.last {
			return "", false
		}
		if cc, ok := a.countryByName(a.text[a.toks[j].Start:m.end]); ok {
			return cc, true
		}
	}
	return "", false
}

// setOrg makes m a known organization.
func (a *analysis) setOrg(m *mention, o *lexicon.Org) {
	m.kind, m.org, m.orgKind = kOrg, o, o.Kind
	if o.Country != "" && m.affRank < 2 {
		m.aff, m.affRank = o.Country, 2
	}
}

// prefixAff sets an organization's country from a demonym or country that
// begins its name ("Indian Navy", "Kenya Red Cross Society") or a country
// after "of" inside it ("Human Rights Commission of Pakistan"), or a place
// inside it ("Tokyo Metropolitan Police Department").
func (a *analysis) prefixAff(m *mention) {
	// "... of the Islamic Emirate of Afghanistan": the country named after
	// "of" at the end of the name
	for k := m.core + 1; k+1 < m.last; k++ {
		if a.toks[k].low != "of" {
			continue
		}
		q := k + 1
		if a.toks[q].low == "the" && q+1 < m.last {
			q++
		}
		for r := q; r < m.last; r++ {
			if cc, ok := a.countryByName(a.text[a.toks[r].Start:m.end]); ok {
				m.aff, m.affRank = cc, 3
				m.inner = &mention{first: q, last: m.last, core: q, kind: kCountry, iso2: cc, actor: -1,
					start: a.toks[q].Start, end: m.end, text: a.text[a.toks[q].Start:m.end]}
				return
			}
		}
	}
	first := a.toks[m.core]
	if cc, ok := a.demonym(first.Text); ok {
		m.aff, m.affRank = cc, 3
		return
	}
	for n := 3; n >= 1; n-- {
		// "United States Navy", "Kenya Red Cross Society"
		if m.core+n < m.last {
			if cc, ok := a.countryByName(a.text[first.Start:a.toks[m.core+n-1].End]); ok {
				m.aff, m.affRank = cc, 3
				return
			}
		}
	}
	for k := m.core + 1; k < m.last; k++ {
		t := a.toks[k]
		if !t.cap {
			continue
		}
		if cc, ok := a.countryByName(t.Text); ok {
			m.aff, m.affRank = cc, 3
			return
		}
		if k+1 < m.last {
			if cc, ok := a.countryByName(t.Text + " " + a.toks[k+1].Text); ok {
				m.aff, m.affRank = cc, 3
				return
			}
		}
	}
	if m.affRank >= 2 {
		return
	}
	for k := m.core; k < m.last; k++ {
		t := a.toks[k]
		if !t.cap || a.lex.Is(lexicon.OrgHead, t.fold) || a.lex.Is(lexicon.OrgTail, t.fold) || a.lex.Is(lexicon.Common, t.low) {
			continue
		}
		if ps := a.lookup(t.Text); len(ps) > 0 && ps[0].Country != "" && ps[0].Population > 50000 {
			m.aff, m.affRank = ps[0].Country, 2
			return
		}
		if cc, ok := a.demonym(t.Text); ok {
			m.aff, m.affRank = cc, 2
			return
		}
	}
}

// orgHeadKind reports whether the name has an organization head word: any
// head ("Ministry", "Party") or a final tail word ("Airlines", "Times").
func (a *analysis) orgHeadKind(m *mention) (string, bool) {
	for k := m.core; k < m.last; k++ {
		t := a.toks[k]
		if v, ok := a.lex.Word(lexicon.OrgHead, t.fold); ok {
			return v, true
		}
		if i := strings.LastIndexByte(t.low, '-'); i > 0 && k == m.last-1 {
			if v, ok := a.lex.Word(lexicon.OrgHead, t.low[i+1:]); ok {
				return v, true
			}
		}
	}
	last := a.toks[m.last-1]
	if v, ok := a.lex.Word(lexicon.OrgTail, last.fold); ok && m.last-m.core > 1 {
		return v, true
	}
	if m.last-m.core > 2 {
		if v, ok := a.lex.Word(lexicon.OrgTail, a.toks[m.last-2].fold+" "+last.fold); ok {
			return v, true
		}
	}
	return "", false
}

// lexicalScores scores an unknown name as a person or an organization from
// its words.
func (a *analysis) lexicalScores(m *mention) {
	n := m.last - m.core
	first := a.toks[m.core]
	if m.honorific || m.titleRole != "" {
		m.pScore += 3
		m.pStrong = true
	}
	if aff, ok := a.lex.Person(m.text); ok && n >= 2 {
		m.pScore += 3
		m.pStrong = true
		if aff != "" && m.affRank < 1 {
			m.aff, m.affRank = aff, 1
		}
	}
	common, places, nameLike, caps := 0, 0, 0, 0
	for k := m.core; k < m.last; k++ {
		t := a.toks[k]
		if a.particle(k) {
			continue
		}
		switch {
		case isAllCaps(t.Text) && len(t.Text) > 1 && !strings.Contains(t.Text, "."):
			caps++
		case a.lex.Is(lexicon.Common, t.low) && !(k == m.core && a.lex.GivenName(t.Text) && n > 1):
			common++
		case a.isDemonymOrCountry(t.Text) || a.isPlace(t.Text) && !a.lex.GivenName(t.Text) && !a.lex.Surname(t.Text):
			places++
		default:
			nameLike++
		}
	}
	if n >= 2 && a.lex.GivenName(first.Text) && !a.lex.Is(lexicon.Common, first.low) {
		m.pScore += 2
		m.givenCue = true
	}
	if n >= 2 && a.lex.Surname(a.toks[m.last-1].Text) {
		m.pScore++
	}
	if n == 1 && a.lex.Surname(first.Text) && !a.lex.Is(lexicon.Common, first.low) {
		m.pScore++
	}
	if particleName(m.text) || strings.Contains(m.text, " al-") || strings.Contains(m.text, " bin ") {
		m.pScore++
	}
	if n >= 2 && common == 0 && places == 0 && caps == 0 {
		m.pScore += 2
	}
	if n >= 2 && common > 0 && nameLike == 0 {
		m.oScore += 1.5
	}
	if caps > 0 && n > 1 {
		m.oScore += 2
	}
	if caps > 0 && n == 1 {
		// an unknown acronym is an organization only with support: a
		// definition in brackets, an organization cue or a speech verb
		m.oScore += 1
		m.acronym = true
	}
	if places > 0 && nameLike > 0 {
		m.oScore += 0.5
	}
	if strings.ContainsAny(m.text, "0123456789$") {
		// "Russian T-72", "QZ8501", "US$12": not a person; "France24",
		// "8chan" may be an organization
		m.pScore, m.pStrong = -5, false
		if strings.ContainsAny(m.text, " -$") {
			m.oScore--
		}
	}
	if caps > 0 && n == 1 && (nonOrgAcronyms[strings.ReplaceAll(first.Text, ".", "")] || romanNumeral(first.Text)) {
		m.kind = kNonActor
		return
	}
	if m.core > 0 && a.toks[m.core-1].low == "the" && m.first == m.core {
		m.oScore++
	}
	a.cueScores(m)
	switch loc, ok := a.locationAt(m.start, m.end); {
	case ok && loc.Kind != "":
		m.placeScore += 3
	case m.acronym:
		// "IBA" is no "Iba": an acronym is a place only when geo says so
	case a.isPlaceName(m.text):
		m.placeScore += 2
	case a.isPlace(m.text):
		m.placeScore++
	}
}

// placeNouns name kinds of places: "the village of X", "X district".
var placeNouns = map[string]bool{
	"village": true, "villages": true, "town": true, "towns": true, "city": true, "district": true, "province": true,
	"region": true, "area": true, "neighbourhood": true, "neighborhood": true, "suburb": true, "county": true,
	"municipality": false, "township": true, "settlement": true, "hamlet": true, "island": true, "river": true,
}

// locatives are prepositions that put a place after them.
var locatives = map[string]bool{"in": true, "near": true, "outside": true, "inside": true, "across": true, "towards": true, "toward": true, "around": true}

// cueScores adds the cues of the words next to an unknown name: a noun
// that marks an organization ("al-Hurra television", "the daily
// Haaretz"), a locative preposition before a place ("in Mtito Andei").
func (a *analysis) cueScores(m *mention) {
	if m.last < len(a.toks) {
		// "al-Hurra television", "the Tabnak news site"
		for k := m.last; k < len(a.toks) && k <= m.last+1 && !a.toks[k].cap && a.toks[k].sent == a.toks[m.first].sent; k++ {
			if a.lex.Is(lexicon.OrgCue, a.toks[k].low) {
				m.oScore += 3
				break
			}
			if a.toks[k].low != "news" && a.toks[k].low != "web" && a.toks[k].low != "message" {
				break
			}
		}
	}
	if m.first > 0 && isModifierTok(a.toks[m.first-1]) {
		if strings.HasSuffix(a.toks[m.first-1].low, "-born") {
			m.pScore += 2 // "the Ottawa-born Khadr": a person
		} else {
			m.oScore += 2.5 // "state-owned Saudi Aramco", "France-based airframer Airbus"
		}
	}
	// "according to Gawker": a source that is no known person's name
	if m.first >= 2 && a.toks[m.first-1].low == "to" && a.toks[m.first-2].low == "according" && m.last-m.core == 1 &&
		!a.lex.GivenName(m.text) && !a.lex.Surname(m.text) {
		m.oScore += 2
	}
	// "NISA, the Japanese government nuclear authority"
	if k := m.last; k+2 < len(a.toks) && a.toks[k].Text == "," && (determiners[a.toks[k+1].low] || a.toks[k+1].low == "a") {
		for q := k + 2; q < len(a.toks) && q < k+8 && !a.punct(q); q++ {
			w := a.toks[q]
			if w.cap {
				if _, ok := a.demonym(w.Text); !ok {
					break // "Al Arabiya, an Arabic news channel"
				}
				continue
			}
			if a.lex.Is(lexicon.OrgCue, w.low) || a.lex.Is(lexicon.OrgHead, w.fold) || a.lex.Is(lexicon.OrgTail, w.fold) {
				m.oScore += 3
				break
			}
			if a.roleWord(w) {
				break
			}
		}
	}
	// "the village of Abu Suruj", "Yukari Kanatli village"
	if m.first >= 2 && a.toks[m.first-1].low == "of" && placeNouns[a.toks[m.first-2].low] {
		m.placeScore += 3
	}
	if m.last < len(a.toks) && placeNouns[a.toks[m.last].low] && !a.toks[m.last].cap {
		m.placeScore += 3
	}
	if m.first > 0 {
		p := a.toks[m.first-1]
		if p.sent == a.toks[m.first].sent && !p.cap {
			if a.lex.Is(lexicon.OrgCue, p.low) {
				m.oScore += 3
			}
			if locatives[p.low] {
				m.placeScore += 2
			}
		}
	}
}

// nonOrgAcronyms are common capitalised abbreviations that are not
// organizations.
var nonOrgAcronyms = map[string]bool{
	"VIP": true, "NGO": true, "NGOs": true, "IDP": true, "IDPs": true, "IED": true, "IEDs": true, "GBP": true, "USD": true,
	"EUR": true, "ATC": true, "CEO": true, "CFO": true, "GMT": true, "UTC": true, "DNA": true, "HIV": true, "AIDS": true,
	"SARS": true, "GDP": true, "TV": true, "PM": true, "AM": true, "BC": true, "AD": true, "OK": true, "ID": true,
	"CCTV": true, "SUV": true, "RPG": true, "AK": true, "UAV": true, "MP": true, "MPs": true, "PhD": true, "CT": true,
	"MRI": true, "ICU": true, "ER": true, "FAQ": true, "PDF": true, "URL": true, "GPS": true, "SMS": true, "LPG": true,
	"VX": true, "WMD": true, "POW": true, "POWs": true, "PR": true, "HQ": true, "KM": true, "KG": true, "MW": true,
}

// romanNumeral reports whether s is a small Roman numeral written with I,
// V and X ("XII", "IV"), as after a name or an event; "MDC" or "CD" are
// acronyms.
func romanNumeral(s string) bool {
	return s != "" && romanRe.MatchString(s)
}

var romanRe = regexp.MustCompile(`^X{0,3}(IX|IV|V?I{0,3})$`)
