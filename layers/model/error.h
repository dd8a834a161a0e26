// Errors a user can cause (bad file, bad project key, corrupt feature) are values.
#pragma once

#include <cassert>
#include <string>
#include <utility>
#include <variant>

namespace coopmap {

// Where something went wrong and what to do about it. Every field that is known is
// filled in; message() joins them into the one line a user sees.
struct Error {
    std::string file;  // the file or data source URI
    std::string layer;  // layer name inside the source, or the project's layer id
    std::string feature;  // feature id, row number or JSON path
    std::string message;  // what is wrong and what to do
    // The user stopped the work (Feedback::cancel): nothing is wrong and nothing was changed.
    // Callers test this flag, never the message text.
    bool cancelled = false;

    std::string text() const;
};

// The error a job returns when its Feedback was cancelled; `message` says what stopped and that
// nothing the user had was changed ("已取消选址计算").
Error cancelled_error(std::string message, std::string file = {});

// Either a value or an Error (std::expected is C++23; the project is C++20).
template <typename T> class [[nodiscard]] Result {
public:
    Result(T value) : v_(std::move(value)) {}
    Result(Error error) : v_(std::move(error)) {}

    bool ok() const { return v_.index() == 0; }
    explicit operator bool() const { return ok(); }

    T& value() &
    {
        assert(ok());
        return std::get<0>(v_);
    }
    const T& value() const&
    {
        assert(ok());
        return std::get<0>(v_);
    }
    T&& value() &&
    {
        assert(ok());
        return std::get<0>(std::move(v_));
    }
    T* operator->() { return &value(); }
    const T* operator->() const { return &value(); }
    T& operator*() & { return value(); }
    const T& operator*() const& { return value(); }

    const Error& error() const
    {
        assert(!ok());
        return std::get<1>(v_);
    }

private:
    std::variant<T, Error> v_;
};

// For operations that return nothing but may fail.
struct Done {};
using Status = Result<Done>;

}  // namespace coopmap
