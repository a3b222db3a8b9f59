package events

// Normalize replaces nil lists of d and of its records with empty ones, so
// that the JSON form has [] where the schemas require an array.
func (d *Document) Normalize() {
	d.Actors = orEmpty(d.Actors)
	d.Locations = orEmpty(d.Locations)
	d.Casualties = orEmpty(d.Casualties)
	d.Quotes = orEmpty(d.Quotes)
	for i := range d.Actors {
		a := &d.Actors[i]
		a.Aliases, a.Roles, a.Spans = orEmpty(a.Aliases), orEmpty(a.Roles), orEmpty(a.Spans)
	}
	for i := range d.Locations {
		l := &d.Locations[i]
		l.Aliases, l.Spans = orEmpty(l.Aliases), orEmpty(l.Spans)
	}
	for i := range d.Casualties {
		c := &d.Casualties[i]
		c.Breakdown, c.Spans = orEmpty(c.Breakdown), orEmpty(c.Spans)
		if len(c.Spans) == 0 {
			c.Spans = append(c.Spans, c.Span)
		}
	}
}

func orEmpty[T any](s []T) []T {
	if s == nil {
		return []T{}
	}
	return s
}
