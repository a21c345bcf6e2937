package httpapi

import (
	"encoding/json"
	"errors"
	"log/slog"
	"net/http"

	"github.com/storyline/storyline"
)

// statusOf maps storyline error codes to HTTP statuses: the one table the
// API consults. A code missing here is a 500.
var statusOf = map[string]int{
	storyline.EINVALID:      http.StatusBadRequest,
	storyline.EUNAUTHORIZED: http.StatusUnauthorized,
	storyline.EFORBIDDEN:    http.StatusForbidden,
	storyline.ENOTFOUND:     http.StatusNotFound,
	storyline.ECONFLICT:     http.StatusConflict,
	storyline.ETOOLARGE:     http.StatusRequestEntityTooLarge,
	storyline.EINTERNAL:     http.StatusInternalServerError,
}

// StatusOf returns the HTTP status for an error, following its code.
func StatusOf(err error) int {
	if s, ok := statusOf[storyline.ErrorCode(err)]; ok {
		return s
	}
	return http.StatusInternalServerError
}

// ErrorBody is the JSON body of every error response.
type ErrorBody struct {
	Error ErrorDetail `json:"error"`
}

// ErrorDetail says what went wrong: a code for programs, a message for people.
type ErrorDetail struct {
	Code    string `json:"code"`
	Message string `json:"message"`
}

// writeError writes err as a JSON error with the status its code maps to.
// Internal errors are logged with their cause; the client sees a generic
// message.
func writeError(w http.ResponseWriter, r *http.Request, log *slog.Logger, err error) {
	var mbe *http.MaxBytesError
	if errors.As(err, &mbe) {
		err = storyline.Errorf(storyline.ETOOLARGE, "request body is over the limit of %d bytes", mbe.Limit)
	}
	code := storyline.ErrorCode(err)
	status := StatusOf(err)
	if status >= 500 {
		log.ErrorContext(r.Context(), "request failed", "method", r.Method, "path", r.URL.Path, "err", err)
	}
	if code == storyline.EUNAUTHORIZED {
		w.Header().Set("WWW-Authenticate", `Bearer realm="storyline"`)
	}
	writeJSON(w, status, ErrorBody{Error: ErrorDetail{Code: code, Message: storyline.ErrorMessage(err)}})
}

// writeJSON writes v as indented JSON with the status.
func writeJSON(w http.ResponseWriter, status int, v any) {
	b, err := json.MarshalIndent(v, "", "  ")
	if err != nil {
		status = http.StatusInternalServerError
		b = []byte(`{"error":{"code":"internal","message":"internal error"}}`)
	}
	w.Header().Set("Content-Type", "application/json; charset=utf-8")
	w.Header().Set("X-Content-Type-Options", "nosniff")
	w.WriteHeader(status)
	w.Write(b)
	w.Write([]byte("\n"))
}
