;; The CSV reader's byte scan (csv-columns.ts), in WebAssembly: it runs compiled from its first byte,
;; where the same loop in JavaScript spends most of a one-off run interpreted or waiting to be optimised.
;; build.mjs assembles this file into scan-wasm.ts. The file's bytes sit at the start of the memory.
(module
  (import "env" "memory" (memory 1))

  ;; scan(pos, n, delimiter, step, out, max): the fields of the line that starts at byte `pos` of the
  ;; file's `n` bytes. At `out` it writes where the line ends (its terminator's position, or n) and the
  ;; terminator (LF, CR, or -1 at the end of the file); from out + 16 each field as four i32: start, end,
  ;; FNV-1a hash, and 1 when every byte is ASCII and not NUL. With `step` (well-formed UTF-8), a
  ;; three-byte character is hashed as one unit. Returns the number of fields; -1 at a quote (the quoted
  ;; path reads the line); -2 once `max` fields end in a delimiter (too many columns).
  (func (export "scan")
    (param $pos i32) (param $n i32) (param $delimiter i32) (param $step i32) (param $out i32) (param $max i32)
    (result i32)
    (local $i i32) (local $c i32) (local $k i32) (local $start i32) (local $hash i32) (local $plain i32)
    (local $field i32)
    (local.set $i (local.get $pos))
    (local.set $start (local.get $pos))
    (local.set $hash (i32.const 0x811c9dc5))
    (local.set $plain (i32.const 1))
    (local.set $field (i32.add (local.get $out) (i32.const 16)))
    (loop $byte
      (if (i32.lt_u (local.get $i) (local.get $n))
        (then (local.set $c (i32.load8_u (local.get $i))))
        (else (local.set $c (i32.const -1))))
      ;; Thai text is nearly all bytes of 0x80 and above: none of them ends a field.
      (if (i32.ge_s (local.get $c) (i32.const 0x80))
        (then
          (local.set $plain (i32.const 0))
          (if (i32.and (local.get $step) (i32.eq (i32.and (local.get $c) (i32.const 0xf0)) (i32.const 0xe0)))
            (then
              (local.set $hash
                (i32.mul
                  (i32.xor (local.get $hash)
                    (i32.or (i32.shl (local.get $c) (i32.const 16))
                      (i32.or (i32.shl (i32.load8_u offset=1 (local.get $i)) (i32.const 8))
                        (i32.load8_u offset=2 (local.get $i)))))
                  (i32.const 0x01000193)))
              (local.set $i (i32.add (local.get $i) (i32.const 3))))
            (else
              (local.set $hash (i32.mul (i32.xor (local.get $hash) (local.get $c)) (i32.const 0x01000193)))
              (local.set $i (i32.add (local.get $i) (i32.const 1)))))
          (br $byte)))
      (if (i32.or
            (i32.or (i32.eq (local.get $c) (local.get $delimiter)) (i32.lt_s (local.get $c) (i32.const 0)))
            (i32.or (i32.eq (local.get $c) (i32.const 10)) (i32.eq (local.get $c) (i32.const 13))))
        (then
          ;; The field [start, i) is complete.
          (i32.store (local.get $field) (local.get $start))
          (i32.store offset=4 (local.get $field) (local.get $i))
          (i32.store offset=8 (local.get $field) (local.get $hash))
          (i32.store offset=12 (local.get $field) (local.get $plain))
          (local.set $field (i32.add (local.get $field) (i32.const 16)))
          (local.set $k (i32.add (local.get $k) (i32.const 1)))
          (if (i32.eq (local.get $c) (local.get $delimiter))
            (then
              ;; A line of a million delimiters is refused without being split further.
              (if (i32.ge_s (local.get $k) (local.get $max)) (then (return (i32.const -2))))
              (local.set $i (i32.add (local.get $i) (i32.const 1)))
              (local.set $start (local.get $i))
              (local.set $hash (i32.const 0x811c9dc5))
              (local.set $plain (i32.const 1))
              (br $byte)))
          (i32.store (local.get $out) (local.get $i))
          (i32.store offset=4 (local.get $out) (local.get $c))
          (return (local.get $k))))
      (if (i32.eq (local.get $c) (i32.const 34)) (then (return (i32.const -1))))
      (if (i32.eqz (local.get $c)) (then (local.set $plain (i32.const 0))))
      (local.set $hash (i32.mul (i32.xor (local.get $hash) (local.get $c)) (i32.const 0x01000193)))
      (local.set $i (i32.add (local.get $i) (i32.const 1)))
      (br $byte))
    (unreachable))
)
