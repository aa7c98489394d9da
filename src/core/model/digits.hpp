// Fixed-width decimal formatting for dates and times, without printf.
//
// musl's printf machinery was the largest single cost of every export in the wasm
// build (profiled: 13% of the ICS export, 14% of the JSON export), and these few
// patterns are all the core needs. Internal to the core.
#pragma once

#include <cstring>
#include <string>
#include <string_view>

#include <date/date.h>

namespace rp::fixed {

// The number written in s[at, at + n) as n decimal digits; -1 when s is shorter or any of
// them is not a digit (the readers of dates and times).
inline int readDigits(std::string_view s, std::size_t at, std::size_t n) {
    if (at > s.size() || n > s.size() - at) return -1;
    int v = 0;
    for (std::size_t i = at; i < at + n; ++i) {
        if (s[i] < '0' || s[i] > '9') return -1;
        v = v * 10 + (s[i] - '0');
    }
    return v;
}

// Writes v (any sign) zero-padded to `width` characters, the sign counting towards the
// width as printf's "%0*lld" does; returns the position after the last character.
inline char* put(char* p, long long v, int width) {
    if (v < 0) {
        *p++ = '-';
        --width;
        v = -v;
    }
    char tmp[24];
    int n = 0;
    if (v <= 0xFFFFFFFFLL) {  // the usual case in 32 bits: wasm has no cheap 64-bit division by 10
        auto u = static_cast<unsigned>(v);
        do {
            tmp[n++] = static_cast<char>('0' + u % 10);
            u /= 10;
        } while (u != 0);
    } else {
        do {
            tmp[n++] = static_cast<char>('0' + v % 10);
            v /= 10;
        } while (v != 0);
    }
    while (n < width) tmp[n++] = '0';
    while (n > 0) *p++ = tmp[--n];
    return p;
}

// Copies n bytes to p and returns p + n. Short copies (names, ids, times) are done with
// fixed-size moves the compiler inlines: in the wasm build a memcpy of unknown length is
// a call into the C library's byte loop, a good part of the writers' time there.
inline char* copy(char* p, const char* s, std::size_t n) {
    if (n >= 8 && n <= 16) {
        std::memcpy(p, s, 8);
        std::memcpy(p + n - 8, s + n - 8, 8);
    } else if (n >= 4 && n < 8) {
        std::memcpy(p, s, 4);
        std::memcpy(p + n - 4, s + n - 4, 4);
    } else if (n < 4) {
        for (std::size_t i = 0; i < n; ++i) p[i] = s[i];
    } else {
        std::memcpy(p, s, n);
    }
    return p + n;
}

// Two digits of v < 100 (what put(p, v, 2) writes for it), without the general loop:
// the date and time writers below are on every exported shift.
inline char* put2(char* p, unsigned v) {
    p[0] = static_cast<char>('0' + v / 10);
    p[1] = static_cast<char>('0' + v % 10);
    return p + 2;
}

// YYYY-MM-DD, or YYYYMMDD without separators.
inline char* putDate(char* p, const date::year_month_day& ymd, bool separators = true) {
    const int y = static_cast<int>(ymd.year());
    if (y >= 0 && y <= 9999) {
        p = put2(put2(p, static_cast<unsigned>(y) / 100), static_cast<unsigned>(y) % 100);
    } else {
        p = put(p, y, 4);
    }
    const auto m = static_cast<unsigned>(ymd.month()), d = static_cast<unsigned>(ymd.day());
    if (separators) *p++ = '-';
    p = m < 100 ? put2(p, m) : put(p, m, 2);
    if (separators) *p++ = '-';
    return d < 100 ? put2(p, d) : put(p, d, 2);
}

// HH:MM[:SS] (or HHMM[SS] without separators) from seconds since midnight.
inline char* putClock(char* p, long long seconds_of_day, bool with_seconds, bool separators = true) {
    if (seconds_of_day >= 0 && seconds_of_day < 100 * 3600) {  // two-digit hours: 32-bit arithmetic
        const auto s = static_cast<unsigned>(seconds_of_day);
        p = put2(p, s / 3600);
        if (separators) *p++ = ':';
        p = put2(p, s / 60 % 60);
        if (with_seconds) {
            if (separators) *p++ = ':';
            p = put2(p, s % 60);
        }
        return p;
    }
    p = put(p, seconds_of_day / 3600, 2);
    if (separators) *p++ = ':';
    p = put(p, seconds_of_day / 60 % 60, 2);
    if (with_seconds) {
        if (separators) *p++ = ':';
        p = put(p, seconds_of_day % 60, 2);
    }
    return p;
}

// The iCalendar basic form of a wall-clock time, 20261130T090000, with a 'Z' for UTC.
inline char* putBasic(char* p, date::local_seconds t, bool utc) {
    const auto day = date::floor<date::days>(t);
    p = putDate(p, date::year_month_day{day}, false);
    *p++ = 'T';
    p = putClock(p, (t - day).count(), true, false);
    if (utc) *p++ = 'Z';
    return p;
}

}  // namespace rp::fixed
