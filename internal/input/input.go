// Package input reads articles from files or streams: one JSON article, JSONL
// (one article per line) or plain text. Every article read, good or bad, is
// handed to the caller with its source location, so nothing is dropped
// silently.
package input

import (
	"bufio"
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io"

	"github.com/newsdesk/extractor/pkg/events"
)

// Options configure a Reader. The zero value accepts bodies of up to
// events.MaxBodyBytes.
type Options struct {
	// MaxBodyBytes is the largest accepted body; 0 means events.MaxBodyBytes.
	MaxBodyBytes int
}

// Item is one article read, or the reason it could not be read.
// Where is "name:line" (line 1 for a whole-file article). Raw holds the
// original bytes of the item (truncated to the line limit for oversized
// lines).
type Item struct {
	Article events.Article
	Err     error
	Where   string
	Raw     []byte
}

// ErrLineTooLong marks a JSONL line longer than the reader accepts.
var ErrLineTooLong = errors.New("line too long")

// Read reads every article from r and calls fn for each, in input order.
// name labels the source in Item.Where. The format is detected from the
// content: a JSON object spanning the whole input is one article; input
// whose first non-space byte is '{' or '[' is otherwise JSONL; anything else
// is one plain-text article whose id is derived from a hash of its text.
// Read returns an error only when r fails or fn returns one.
func Read(r io.Reader, name string, opts Options, fn func(Item) error) error {
	maxBody := opts.MaxBodyBytes
	if maxBody <= 0 {
		maxBody = events.MaxBodyBytes
	}
	// A line may hold the body plus JSON escaping and other fields.
	maxLine := 2*maxBody + 64<<10
	br := bufio.NewReaderSize(r, 64<<10)
	head, err := br.Peek(1)
	for err == nil && len(head) == 1 && isSpace(head[0]) {
		if _, err = br.ReadByte(); err == nil {
			head, err = br.Peek(1)
		}
	}
	if err == io.EOF {
		return fn(Item{Where: name, Err: fmt.Errorf("%w: no article in input", events.ErrEmptyBody)})
	}
	if err != nil {
		return fmt.Errorf("input: read %s: %w", name, err)
	}
	if head[0] != '{' && head[0] != '[' {
		return readText(br, name, maxBody, fn)
	}
	return readJSONL(br, name, maxBody, maxLine, fn)
}

func isSpace(b byte) bool { return b == ' ' || b == '\t' || b == '\n' || b == '\r' }

// readText reads the whole input as one plain-text article.
func readText(r io.Reader, name string, maxBody int, fn func(Item) error) error {
	body, err := io.ReadAll(io.LimitReader(r, int64(maxBody)+1))
	if err != nil {
		return fmt.Errorf("input: read %s: %w", name, err)
	}
	where := name + ":1"
	if len(body) > maxBody {
		_, _ = io.Copy(io.Discard, r)
		return fn(Item{Where: where, Raw: body[:maxBody], Err: fmt.Errorf("%w: more than %d bytes", events.ErrTooLarge, maxBody)})
	}
	sum := sha256.Sum256(body)
	a := events.Article{ID: "sha256:" + hex.EncodeToString(sum[:])[:16], Body: string(body)}
	item := Item{Article: a, Where: where, Raw: body}
	if err := events.CheckBody(a.Body, maxBody); err != nil {
		item.Err = fmt.Errorf("article %q: %w", a.ID, err)
	}
	return fn(item)
}

// readJSONL reads one article per line. A pretty-printed single JSON object
// (spanning several lines) is recognised: when the first line is not a
// complete JSON value, the whole input is decoded as one article.
func readJSONL(br *bufio.Reader, name string, maxBody, maxLine int, fn func(Item) error) error {
	line := 0
	for {
		raw, tooLong, err := readLine(br, maxLine)
		if err != nil && err != io.EOF {
			return fmt.Errorf("input: read %s: %w", name, err)
		}
		eof := err == io.EOF
		if len(bytes.TrimSpace(raw)) > 0 || tooLong {
			line++
			if line == 1 && !tooLong && !json.Valid(bytes.TrimSpace(raw)) {
				// Perhaps one article spread over lines.
				rest, rerr := io.ReadAll(io.LimitReader(br, int64(maxLine)))
				if rerr != nil {
					return fmt.Errorf("input: read %s: %w", name, rerr)
				}
				whole := append(raw, rest...)
				if json.Valid(bytes.TrimSpace(whole)) {
					return emit(fn, whole, name+":1", maxBody)
				}
				// Not one object either: report line 1 and go on line by line.
				if err := emit(fn, raw, fmt.Sprintf("%s:%d", name, line), maxBody); err != nil {
					return err
				}
				br = bufio.NewReaderSize(io.MultiReader(bytes.NewReader(rest), br), 64<<10)
				continue
			}
			where := fmt.Sprintf("%s:%d", name, line)
			if tooLong {
				if err := fn(Item{Where: where, Raw: raw, Err: fmt.Errorf("%w: more than %d bytes (body limit %d)", ErrLineTooLong, maxLine, maxBody)}); err != nil {
					return err
				}
			} else if err := emit(fn, raw, where, maxBody); err != nil {
				return err
			}
		}
		if eof {
			return nil
		}
	}
}

func emit(fn func(Item) error, raw []byte, where string, maxBody int) error {
	raw = bytes.TrimSpace(raw)
	a, err := events.DecodeArticle(raw, maxBody)
	return fn(Item{Article: a, Err: err, Where: where, Raw: raw})
}

// readLine reads one line without its newline. A line longer than max is
// cut to max bytes, the rest of it skipped, and tooLong set.
func readLine(br *bufio.Reader, max int) (line []byte, tooLong bool, err error) {
	for {
		chunk, err := br.ReadSlice('\n')
		if len(line)+len(chunk) > max {
			if room := max - len(line); room > 0 {
				line = append(line, chunk[:room]...)
			}
			tooLong = true
		} else {
			line = append(line, chunk...)
		}
		switch {
		case err == bufio.ErrBufferFull:
			continue
		case err != nil:
			return line, tooLong, err
		}
		return bytes.TrimRight(line, "\r\n"), tooLong, nil
	}
}
