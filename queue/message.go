package queue

import (
	"bytes"
	"compress/gzip"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"io"
	"strings"
	"time"

	"github.com/nats-io/nats.go"

	"github.com/storyline/storyline"
)

// The kinds of message on the stream, in the header Storyline-Kind, each
// on its own subject.
const (
	kindArticle   = "article"
	kindRejection = "rejection"
	kindStart     = "start"
	kindEnd       = "end"
)

// Headers storyline sets on its messages.
const (
	hdrKind     = "Storyline-Kind"
	hdrRun      = "Storyline-Run"
	hdrError    = "Storyline-Error"
	hdrFailures = "Storyline-Failures"
	hdrEncoding = "Content-Encoding"
)

// compressAbove is the size above which a message body is gzipped: raw
// HTML shrinks several times, and the server takes at most MaxPayload.
const compressAbove = 32 << 10

// articleBody is an article as published: every field, the raw input too.
type articleBody struct {
	storyline.Article
	Raw []byte `json:"raw"`
}

// message is a decoded message.
type message struct {
	kind      string
	run       string
	article   *storyline.Article
	rejection *storyline.Rejection
	// started is when a run's publisher began reading (a start marker's
	// body): every article the run stores was stamped later.
	started time.Time
}

// markerBody is a start marker's body.
type markerBody struct {
	Started time.Time `json:"started"`
}

// articleMsg builds the message of an article of run.
func articleMsg(a *storyline.Article, run string) (*nats.Msg, error) {
	body, err := json.Marshal(articleBody{Article: *a, Raw: a.Raw})
	if err != nil {
		return nil, fmt.Errorf("encode article %s: %w", a.ID, err)
	}
	return newMsg(kindArticle, run, a.ID, body)
}

// rejectionMsg builds the message of a rejection; its ID is a hash of
// what it says, so publishing it again is de-duplicated.
func rejectionMsg(r storyline.Rejection, run string) (*nats.Msg, error) {
	body, err := json.Marshal(r)
	if err != nil {
		return nil, err
	}
	h := sha256.Sum256([]byte(r.Origin + "\x00" + r.Item + "\x00" + r.Reason))
	return newMsg(kindRejection, run, "rejection-"+hex.EncodeToString(h[:8]), body)
}

// markerMsg builds a run's start or end marker; a start marker says when
// the run began.
func markerMsg(kind, run string, started time.Time) (*nats.Msg, error) {
	var body []byte
	if kind == kindStart {
		body, _ = json.Marshal(markerBody{Started: started})
	}
	return newMsg(kind, run, "run-"+run+"-"+kind, body)
}

func newMsg(kind, run, id string, body []byte) (*nats.Msg, error) {
	m := nats.NewMsg(subjectPrefix + kind)
	m.Header.Set(hdrKind, kind)
	m.Header.Set(hdrRun, run)
	m.Header.Set(nats.MsgIdHdr, id)
	if len(body) > compressAbove {
		var b bytes.Buffer
		zw := gzip.NewWriter(&b)
		zw.Write(body)
		if err := zw.Close(); err != nil {
			return nil, err
		}
		body = b.Bytes()
		m.Header.Set(hdrEncoding, "gzip")
	}
	m.Data = body
	return m, nil
}

// decode reads a message of the stream. An error means the message is
// malformed: it will never decode.
func decode(header nats.Header, data []byte) (*message, error) {
	msg := &message{kind: header.Get(hdrKind), run: header.Get(hdrRun)}
	if header.Get(hdrEncoding) == "gzip" {
		zr, err := gzip.NewReader(bytes.NewReader(data))
		if err != nil {
			return nil, fmt.Errorf("gunzip: %w", err)
		}
		if data, err = io.ReadAll(zr); err != nil {
			return nil, fmt.Errorf("gunzip: %w", err)
		}
	}
	switch msg.kind {
	case kindArticle:
		var b articleBody
		if err := json.Unmarshal(data, &b); err != nil {
			return nil, fmt.Errorf("decode article: %w", err)
		}
		if b.ID == "" {
			return nil, fmt.Errorf("decode article: no ID")
		}
		a := b.Article
		a.Raw = b.Raw
		msg.article = &a
	case kindRejection:
		var r storyline.Rejection
		if err := json.Unmarshal(data, &r); err != nil {
			return nil, fmt.Errorf("decode rejection: %w", err)
		}
		msg.rejection = &r
	case kindStart:
		var b markerBody
		if len(data) > 0 {
			if err := json.Unmarshal(data, &b); err != nil {
				return nil, fmt.Errorf("decode start marker: %w", err)
			}
		}
		msg.started = b.Started
	case kindEnd:
	default:
		return nil, fmt.Errorf("unknown kind %q", msg.kind)
	}
	return msg, nil
}

// describe names a message for logs and dead letters.
func (m *message) describe() string {
	switch {
	case m.article != nil:
		return fmt.Sprintf("article %s (%s)", m.article.ID, m.article.Origin)
	case m.rejection != nil:
		return "rejection of " + strings.TrimSpace(m.rejection.Origin+" "+m.rejection.Item)
	}
	return m.kind + " of run " + m.run
}
