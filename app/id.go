package app

import (
	"crypto/rand"
	"encoding/binary"
	"encoding/hex"
	"sync"
	"time"
)

// ID identifies every stored thing. It is a UUIDv7 (RFC 9562) in its
// canonical text form, so case files written by different analysts can be
// merged without clashes and ids sort by creation time.
type ID string

var idState struct {
	sync.Mutex
	lastMS  int64
	counter uint16
}

// NewID returns a fresh UUIDv7. Within one millisecond a 12-bit counter keeps
// ids from one process strictly increasing.
func NewID() ID {
	return newIDAt(time.Now())
}

func newIDAt(now time.Time) ID {
	var b [16]byte
	if _, err := rand.Read(b[6:]); err != nil {
		panic("app: no randomness: " + err.Error()) // crypto/rand never fails on supported platforms
	}
	ms := now.UnixMilli()
	idState.Lock()
	if ms <= idState.lastMS {
		ms = idState.lastMS
		idState.counter++
		if idState.counter > 0x0fff {
			ms++
			idState.counter = 0
		}
	} else {
		idState.counter = binary.BigEndian.Uint16(b[6:8]) & 0x01ff // leave headroom to count up
	}
	idState.lastMS = ms
	counter := idState.counter
	idState.Unlock()

	b[0] = byte(ms >> 40)
	b[1] = byte(ms >> 32)
	b[2] = byte(ms >> 24)
	b[3] = byte(ms >> 16)
	b[4] = byte(ms >> 8)
	b[5] = byte(ms)
	b[6] = 0x70 | byte(counter>>8)&0x0f
	b[7] = byte(counter)
	b[8] = 0x80 | b[8]&0x3f
	return ID(FormatUUID(b))
}

// FormatUUID writes 16 bytes in the canonical lowercase UUID form,
// 8-4-4-4-12 hex digits.
func FormatUUID(b [16]byte) string {
	var s [36]byte
	hex.Encode(s[0:8], b[0:4])
	s[8] = '-'
	hex.Encode(s[9:13], b[4:6])
	s[13] = '-'
	hex.Encode(s[14:18], b[6:8])
	s[18] = '-'
	hex.Encode(s[19:23], b[8:10])
	s[23] = '-'
	hex.Encode(s[24:36], b[10:16])
	return string(s[:])
}

// Valid reports whether id is a canonical lowercase UUID string.
func (id ID) Valid() bool {
	if len(id) != 36 {
		return false
	}
	for i := 0; i < 36; i++ {
		c := id[i]
		switch i {
		case 8, 13, 18, 23:
			if c != '-' {
				return false
			}
		default:
			if !('0' <= c && c <= '9' || 'a' <= c && c <= 'f') {
				return false
			}
		}
	}
	return true
}

// Short returns the last eight characters. A UUIDv7 begins with its
// timestamp, so ids made in the same minute share a prefix; the tail is
// random and tells them apart in a list. Commands accept it in place of the
// whole id while it is unique.
func (id ID) Short() string {
	if len(id) < 8 {
		return string(id)
	}
	return string(id[len(id)-8:])
}
