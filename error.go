package storyline

import (
	"errors"
	"fmt"
)

// Error codes. The HTTP layer maps each to a status in one table.
const (
	ECONFLICT     = "conflict"
	EINTERNAL     = "internal"
	EINVALID      = "invalid"
	ENOTFOUND     = "not_found"
	EUNAUTHORIZED = "unauthorized"
	ETOOLARGE     = "too_large"
	// EFORBIDDEN refuses a request no credentials would allow (writes
	// to a server started without a token).
	EFORBIDDEN = "forbidden"
)

// Error is an error a user can act on: a code for programs and a message
// for people.
type Error struct {
	Code    string
	Message string
}

func (e *Error) Error() string { return e.Message }

// Errorf returns an *Error with the code and a formatted message.
func Errorf(code, format string, args ...any) *Error {
	return &Error{Code: code, Message: fmt.Sprintf(format, args...)}
}

// ErrorCode returns the code of the first *Error in err's chain: "" for
// nil, EINTERNAL for an error that carries no code.
func ErrorCode(err error) string {
	if err == nil {
		return ""
	}
	var e *Error
	if errors.As(err, &e) {
		return e.Code
	}
	return EINTERNAL
}

// ErrorMessage returns the message of the first *Error in err's chain, or
// a generic message for an internal error, whose details stay in the logs.
func ErrorMessage(err error) string {
	if err == nil {
		return ""
	}
	var e *Error
	if errors.As(err, &e) {
		return e.Message
	}
	return "internal error"
}
