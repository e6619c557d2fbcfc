package app

import (
	"errors"
	"fmt"
)

// Code classifies an error so that callers can react to it without parsing
// messages. The GUI shows Message to the user; logs get the wrapped chain.
type Code string

// Error codes used across the application.
const (
	// ENotFound means the thing asked for does not exist.
	ENotFound Code = "not_found"
	// EInvalid means the input broke a domain rule.
	EInvalid Code = "invalid"
	// EConflict means the change clashes with what is stored (e.g. a duplicate).
	EConflict Code = "conflict"
	// ELocked means the case file is open in another process.
	ELocked Code = "locked"
	// ENewer means the case file was written by a newer build.
	ENewer Code = "newer_version"
	// ENotCase means the file is not an Evidence Workbench case (corrupt or foreign).
	ENotCase Code = "not_a_case"
	// EUnsupported means a file or format this build cannot read.
	EUnsupported Code = "unsupported"
	// ETooLarge means the input exceeds a stated size limit.
	ETooLarge Code = "too_large"
	// EInternal means a bug or an unexpected failure underneath.
	EInternal Code = "internal"
)

// Error is the domain's error: a code, a message safe to show to a user, and
// an optional underlying cause.
type Error struct {
	Code    Code
	Message string
	Err     error
}

// Error implements the error interface.
func (e *Error) Error() string {
	if e.Err != nil {
		return e.Message + ": " + e.Err.Error()
	}
	return e.Message
}

// Unwrap returns the underlying cause.
func (e *Error) Unwrap() error { return e.Err }

// Errorf builds an *Error with a formatted user-facing message.
func Errorf(code Code, format string, args ...any) *Error {
	return &Error{Code: code, Message: fmt.Sprintf(format, args...)}
}

// WrapError builds an *Error with a user-facing message around a cause.
func WrapError(code Code, err error, format string, args ...any) *Error {
	return &Error{Code: code, Message: fmt.Sprintf(format, args...), Err: err}
}

// ErrorCode returns the code of the first *Error in err's chain, EInternal
// for any other non-nil error, and "" for nil.
func ErrorCode(err error) Code {
	if err == nil {
		return ""
	}
	var e *Error
	if errors.As(err, &e) {
		return e.Code
	}
	return EInternal
}

// ErrorMessage returns a message fit for a user: the Message of the first
// *Error in err's chain, or a generic sentence for unexpected errors.
func ErrorMessage(err error) string {
	if err == nil {
		return ""
	}
	var e *Error
	if errors.As(err, &e) {
		if e.Code == EInternal && e.Err != nil {
			// Not the user's doing: the cause is what a bug report needs.
			return e.Message + " (" + e.Err.Error() + ")"
		}
		return e.Message
	}
	return "Something went wrong inside the workbench: " + err.Error()
}
