package events

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"strings"
)

// ID returns the deterministic event id of an extraction: a hex SHA-256 of
// the article id, the event type and the extraction's identity, cut to 32
// characters. The same article extracted twice gives the same ids.
func ID(articleID, typ, identity string) string {
	h := sha256.New()
	h.Write([]byte(articleID))
	h.Write([]byte{0})
	h.Write([]byte(typ))
	h.Write([]byte{0})
	h.Write([]byte(identity))
	return hex.EncodeToString(h.Sum(nil))[:32]
}

// Identity of each record: what makes it the same extraction when the
// article is processed again. Spans are part of it where the same words can
// state two records (quotes, casualties).
func actorIdentity(a *Actor) string { return a.Kind + "|" + strings.ToLower(a.Name) }

func locationIdentity(l *Location) string {
	if l.GeonameID != 0 {
		return fmt.Sprintf("geonames:%d", l.GeonameID)
	}
	return l.Kind + "|" + strings.ToLower(l.Name)
}

func casualtyIdentity(c *Casualty) string {
	return fmt.Sprintf("%s|%d|%d", c.Category, c.Span.Start, c.Span.End)
}

func quoteIdentity(q *Quote) string {
	return fmt.Sprintf("%s|%d|%d", q.Kind, q.Span.Start, q.Span.End)
}

// AssignIDs sets EventID on every record of d.
func (d *Document) AssignIDs() {
	for i := range d.Actors {
		d.Actors[i].EventID = ID(d.ID, TypeActor, actorIdentity(&d.Actors[i]))
	}
	for i := range d.Locations {
		d.Locations[i].EventID = ID(d.ID, TypeLocation, locationIdentity(&d.Locations[i]))
	}
	for i := range d.Casualties {
		d.Casualties[i].EventID = ID(d.ID, TypeCasualty, casualtyIdentity(&d.Casualties[i]))
	}
	for i := range d.Quotes {
		d.Quotes[i].EventID = ID(d.ID, TypeQuote, quoteIdentity(&d.Quotes[i]))
	}
}

// Events returns one event per record of d, in the order actors, locations,
// casualties, quotes. It assigns event ids first.
func (d *Document) Events() []Event {
	d.AssignIDs()
	out := make([]Event, 0, len(d.Actors)+len(d.Locations)+len(d.Casualties)+len(d.Quotes))
	env := func(id, typ string, data any) Event {
		return Event{EventID: id, Type: typ, SchemaVersion: SchemaVersion, ArticleID: d.ID,
			ArticleURL: d.URL, PublishedAt: d.PublishedAt, ExtractorVersion: d.ExtractorVersion, Data: data}
	}
	for i := range d.Actors {
		out = append(out, env(d.Actors[i].EventID, TypeActor, &d.Actors[i]))
	}
	for i := range d.Locations {
		out = append(out, env(d.Locations[i].EventID, TypeLocation, &d.Locations[i]))
	}
	for i := range d.Casualties {
		out = append(out, env(d.Casualties[i].EventID, TypeCasualty, &d.Casualties[i]))
	}
	for i := range d.Quotes {
		out = append(out, env(d.Quotes[i].EventID, TypeQuote, &d.Quotes[i]))
	}
	return out
}
