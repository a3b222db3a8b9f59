// Package events holds the wire types of the extractor: the article it reads,
// the records it extracts, the article document and the event envelope.
//
// The package is a leaf: it imports nothing of the project. Field names and
// values of the records follow ../shared/gold/GUIDELINES.md, so an article
// document can be scored against a gold file as it is; the extra fields
// (spans, confidence, gazetteer data, event ids) are additions that the
// scorer ignores.
package events

// SchemaVersion is the version of the event and document schemas in
// schemas/. It changes when a field changes meaning or is removed.
const SchemaVersion = "1.0.0"

// Event types, the values of Event.Type.
const (
	TypeActor    = "actor"
	TypeLocation = "location"
	TypeCasualty = "casualty"
	TypeQuote    = "quote"
)

// Span is a half-open byte range [Start, End) into the article text.
type Span struct {
	Start int `json:"start"`
	End   int `json:"end"`
}

// Len returns the number of bytes the span covers.
func (s Span) Len() int { return s.End - s.Start }

// Contains reports whether o lies inside s.
func (s Span) Contains(o Span) bool { return s.Start <= o.Start && o.End <= s.End }

// Overlaps reports whether s and o share at least one byte.
func (s Span) Overlaps(o Span) bool { return s.Start < o.End && o.Start < s.End }

// Actor kinds.
const (
	KindPerson       = "person"
	KindOrganization = "organization"
	KindState        = "state"
)

// Actor is a named participant of the story: a person, an organization or a
// state. Spans lists every mention (name, alias or reference) in text order.
type Actor struct {
	Name        string   `json:"name"`
	Kind        string   `json:"kind"`
	Aliases     []string `json:"aliases"`
	Roles       []string `json:"roles"`
	Affiliation string   `json:"affiliation"`
	Spans       []Span   `json:"spans"`
	Confidence  float64  `json:"confidence"`
	EventID     string   `json:"event_id,omitempty"`
}

// Location kinds.
const (
	LocCountry  = "country"
	LocAdmin1   = "admin1"
	LocAdmin2   = "admin2"
	LocCity     = "city"
	LocRegion   = "region"
	LocFeature  = "feature"
	LocFacility = "facility"
)

// Location is a named place mentioned in the text. The gazetteer fields are
// empty (zero) when the place is not in the embedded gazetteer.
type Location struct {
	Name       string   `json:"name"`
	Kind       string   `json:"kind"`
	Country    string   `json:"country"`
	Aliases    []string `json:"aliases"`
	GeonameID  int64    `json:"geoname_id,omitempty"`
	Admin1     string   `json:"admin1,omitempty"`      // GeoNames admin1 code, "IR.04"
	Admin1Name string   `json:"admin1_name,omitempty"` // "Sistan and Baluchestan"
	Lat        *float64 `json:"lat,omitempty"`
	Lon        *float64 `json:"lon,omitempty"`
	Spans      []Span   `json:"spans"`
	Confidence float64  `json:"confidence"`
	EventID    string   `json:"event_id,omitempty"`
}

// Casualty categories.
const (
	Killed    = "killed"
	Injured   = "injured"
	Missing   = "missing"
	Kidnapped = "kidnapped"
	Arrested  = "arrested"
	Displaced = "displaced"
)

// Casualty qualifiers.
const (
	QualExact       = "exact"
	QualAtLeast     = "at_least"
	QualMoreThan    = "more_than"
	QualUpTo        = "up_to"
	QualAbout       = "about"
	QualRange       = "range"
	QualVague       = "vague"
	QualUnspecified = "unspecified"
)

// Breakdown is a part of a casualty figure given in the same sentence.
type Breakdown struct {
	Group string `json:"group"`
	Count int    `json:"count"`
}

// Casualty is one figure of people harmed or taken. Count is nil when the
// text gives no number; Estimate then carries a conventional number for
// vague quantities (dozens = 12, hundreds = 100, several = 10).
// Span covers Phrase; Spans lists every statement of the same figure.
type Casualty struct {
	Category   string      `json:"category"`
	Count      *int        `json:"count"`
	CountMax   *int        `json:"count_max"`
	Qualifier  string      `json:"qualifier"`
	Phrase     string      `json:"phrase"`
	Victims    string      `json:"victims"`
	Source     string      `json:"source"`
	Breakdown  []Breakdown `json:"breakdown"`
	Estimate   *int        `json:"estimate"`
	Span       Span        `json:"span"`
	Spans      []Span      `json:"spans"`
	Sentence   Span        `json:"sentence"`
	SourceSpan *Span       `json:"source_span,omitempty"`
	// Place is where the harm happened, when the sentence or the article
	// makes it clear; nil otherwise.
	Place *Place `json:"place,omitempty"`
	// PublishedAt is the article's publication date, to date the figure.
	PublishedAt string  `json:"published_at,omitempty"`
	Confidence  float64 `json:"confidence"`
	EventID     string  `json:"event_id,omitempty"`
}

// Place names a location record of the same document: its name and, when
// the gazetteer resolved it, its GeoNames id and country. Span is the
// mention the place was taken from.
type Place struct {
	Name      string `json:"name"`
	GeonameID int64  `json:"geoname_id,omitempty"`
	Country   string `json:"country"`
	Span      Span   `json:"span"`
}

// Quote kinds.
const (
	QuoteDirect   = "direct"
	QuoteIndirect = "indirect"
)

// Quote is a statement attributed to a speaker. Speaker is the canonical
// actor name when the speaker is a known actor, otherwise the description the
// text gives. Span covers Text exactly: text[Span.Start:Span.End] == Text.
type Quote struct {
	Kind        string  `json:"kind"`
	Text        string  `json:"text"`
	Speaker     string  `json:"speaker"`
	Cue         string  `json:"cue"`
	Span        Span    `json:"span"`
	CueSpan     *Span   `json:"cue_span,omitempty"`
	SpeakerSpan *Span   `json:"speaker_span,omitempty"`
	Confidence  float64 `json:"confidence"`
	EventID     string  `json:"event_id,omitempty"`
}

// Document is the article document: everything extracted from one article.
// Problems lists content problems met while extracting; they never stop
// extraction.
type Document struct {
	ID               string     `json:"id"`
	URL              string     `json:"url,omitempty"`
	PublishedAt      string     `json:"published_at,omitempty"`
	ExtractorVersion string     `json:"extractor_version"`
	Actors           []Actor    `json:"actors"`
	Locations        []Location `json:"locations"`
	Casualties       []Casualty `json:"casualties"`
	Quotes           []Quote    `json:"quotes"`
	Problems         []string   `json:"problems,omitempty"`
}

// Event is the envelope of one extraction. Data is one of Actor, Location,
// Casualty or Quote, as Type says. EventID is deterministic (see ID).
type Event struct {
	EventID          string `json:"event_id"`
	Type             string `json:"type"`
	SchemaVersion    string `json:"schema_version"`
	ArticleID        string `json:"article_id"`
	ArticleURL       string `json:"article_url"`
	PublishedAt      string `json:"published_at"`
	ExtractorVersion string `json:"extractor_version"`
	Data             any    `json:"data"`
}
