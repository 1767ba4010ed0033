/* The Snowball English stemmer ("Porter2"), as Snowball 3.1.1 generates it for
   the snowballstemmer package that indexes the site (english_stemmer.py),
   written out in JavaScript routine by routine, so that a word typed into search
   is stemmed exactly as the same word was when the index was built.
   tests/test_search_stemmer.py compares the two on thousands of words.
   Defines tipStemEnglish(word) -> stem; word in lower case. */
var tipStemEnglish = (function () {
  "use strict";

  // A Snowball "among" table: [string, index of its longest proper suffix in the table or -1, result].
  function A(s, substring, result) { return { s: s, substring: substring, result: result }; }

  var a_0 = [A("arsen", -1, -1), A("commun", -1, -1), A("emerg", -1, -1), A("gener", -1, -1), A("inter", -1, -1),
             A("later", -1, -1), A("organ", -1, -1), A("past", -1, -1), A("univers", -1, -1)];
  var a_1 = [A("'", -1, 1), A("'s'", 0, 1), A("'s", -1, 1)];
  var a_2 = [A("ied", -1, 2), A("s", -1, 3), A("ies", 1, 2), A("sses", 1, 1), A("ss", 1, -1), A("us", 1, -1)];
  var a_3 = [A("succ", -1, 1), A("proc", -1, 1), A("exc", -1, 1)];
  var a_4 = [A("even", -1, 2), A("cann", -1, 2), A("inn", -1, 2), A("earr", -1, 2), A("herr", -1, 2), A("out", -1, 2), A("y", -1, 1)];
  var a_5 = [A("", -1, -1), A("ed", 0, 2), A("eed", 1, 1), A("ing", 0, 3), A("edly", 0, 2), A("eedly", 4, 1), A("ingly", 0, 2)];
  var a_6 = [A("", -1, 3), A("bb", 0, 2), A("dd", 0, 2), A("ff", 0, 2), A("gg", 0, 2), A("bl", 0, 1), A("mm", 0, 2),
             A("nn", 0, 2), A("pp", 0, 2), A("rr", 0, 2), A("at", 0, 1), A("tt", 0, 2), A("iz", 0, 1)];
  var a_7 = [A("anci", -1, 3), A("enci", -1, 2), A("ogi", -1, 14), A("li", -1, 16), A("bli", 3, 12), A("abli", 4, 4),
             A("alli", 3, 8), A("fulli", 3, 9), A("lessli", 3, 15), A("ousli", 3, 10), A("entli", 3, 5), A("aliti", -1, 8),
             A("biliti", -1, 12), A("iviti", -1, 11), A("tional", -1, 1), A("ational", 14, 7), A("alism", -1, 8),
             A("ation", -1, 7), A("ization", 17, 6), A("izer", -1, 6), A("ator", -1, 7), A("iveness", -1, 11),
             A("fulness", -1, 9), A("ousness", -1, 10), A("ogist", -1, 13)];
  var a_8 = [A("icate", -1, 4), A("ative", -1, 6), A("alize", -1, 3), A("iciti", -1, 4), A("ical", -1, 4),
             A("tional", -1, 1), A("ational", 5, 2), A("ful", -1, 5), A("ness", -1, 5)];
  var a_9 = [A("ic", -1, 1), A("ance", -1, 1), A("ence", -1, 1), A("able", -1, 1), A("ible", -1, 1), A("ate", -1, 1),
             A("ive", -1, 1), A("ize", -1, 1), A("iti", -1, 1), A("al", -1, 1), A("ism", -1, 1), A("ion", -1, 2),
             A("er", -1, 1), A("ous", -1, 1), A("ant", -1, 1), A("ent", -1, 1), A("ment", 15, 1), A("ement", 16, 1)];
  var a_10 = [A("e", -1, 1), A("l", -1, 2)];
  var a_11 = [A("andes", -1, -1), A("atlas", -1, -1), A("bias", -1, -1), A("cosmos", -1, -1), A("early", -1, 6),
              A("gently", -1, 4), A("howe", -1, -1), A("idly", -1, 3), A("news", -1, -1), A("only", -1, 7),
              A("singly", -1, 8), A("skies", -1, 2), A("skis", -1, 1), A("sky", -1, -1), A("ugly", -1, 5)];
  var as_11 = ["ski", "sky", "idl", "gentl", "ugli", "earli", "onli", "singl"];

  var g_aeo = "aeo", g_v = "aeiouy", g_v_WXY = "Yaeiouwxy", g_valid_LI = "cdeghkmnrt";

  // The Snowball runtime: a string being stemmed, a cursor, limits and a slice [bra, ket).
  var current, cursor, limit, limit_backward, bra, ket, B_Y_found, I_p1, I_p2;

  function in_grouping(s) {
    if (cursor >= limit || s.indexOf(current.charAt(cursor)) < 0) return false;
    cursor++; return true;
  }
  function go_in_grouping(s) {
    while (cursor < limit) { if (s.indexOf(current.charAt(cursor)) < 0) return true; cursor++; }
    return false;
  }
  function in_grouping_b(s) {
    if (cursor <= limit_backward || s.indexOf(current.charAt(cursor - 1)) < 0) return false;
    cursor--; return true;
  }
  function go_out_grouping(s) {
    while (cursor < limit) { if (s.indexOf(current.charAt(cursor)) >= 0) return true; cursor++; }
    return false;
  }
  function out_grouping_b(s) {
    if (cursor <= limit_backward || s.indexOf(current.charAt(cursor - 1)) >= 0) return false;
    cursor--; return true;
  }
  function go_out_grouping_b(s) {
    while (cursor > limit_backward) { if (s.indexOf(current.charAt(cursor - 1)) >= 0) return true; cursor--; }
    return false;
  }
  function eq_s_b(s) {
    if (cursor - limit_backward < s.length || current.slice(cursor - s.length, cursor) !== s) return false;
    cursor -= s.length; return true;
  }
  function char_b(c) {  // the character before the cursor is c: step back over it
    if (cursor <= limit_backward || current.charAt(cursor - 1) !== c) return false;
    cursor--; return true;
  }

  function find_among(v) {
    var i = 0, j = v.length, c = cursor, l = limit, common_i = 0, common_j = 0, first_key_inspected = false;
    while (true) {
      var k = i + ((j - i) >> 1), diff = 0, common = Math.min(common_i, common_j), w = v[k];
      for (var i2 = common; i2 < w.s.length; i2++) {
        if (c + common === l) { diff = -1; break; }
        diff = current.charCodeAt(c + common) - w.s.charCodeAt(i2);
        if (diff !== 0) break;
        common++;
      }
      if (diff < 0) { j = k; common_j = common; } else { i = k; common_i = common; }
      if (j - i <= 1) {
        if (i > 0 || j === i || first_key_inspected) break;
        first_key_inspected = true;
      }
    }
    while (true) {
      var x = v[i];
      if (common_i >= x.s.length) { cursor = c + x.s.length; return x.result; }
      i = x.substring;
      if (i < 0) return 0;
    }
  }

  function find_among_b(v) {
    var i = 0, j = v.length, c = cursor, lb = limit_backward, common_i = 0, common_j = 0, first_key_inspected = false;
    while (true) {
      var k = i + ((j - i) >> 1), diff = 0, common = Math.min(common_i, common_j), w = v[k];
      for (var i2 = w.s.length - 1 - common; i2 >= 0; i2--) {
        if (c - common === lb) { diff = -1; break; }
        diff = current.charCodeAt(c - 1 - common) - w.s.charCodeAt(i2);
        if (diff !== 0) break;
        common++;
      }
      if (diff < 0) { j = k; common_j = common; } else { i = k; common_i = common; }
      if (j - i <= 1) {
        if (i > 0 || j === i || first_key_inspected) break;
        first_key_inspected = true;
      }
    }
    while (true) {
      var x = v[i];
      if (common_i >= x.s.length) { cursor = c - x.s.length; return x.result; }
      i = x.substring;
      if (i < 0) return 0;
    }
  }

  function replace_s(c_bra, c_ket, s) {
    var adjustment = s.length - (c_ket - c_bra);
    current = current.slice(0, c_bra) + s + current.slice(c_ket);
    limit += adjustment;
    if (cursor >= c_ket) cursor += adjustment;
    else if (cursor > c_bra) cursor = c_bra;
    return adjustment;
  }
  function slice_from(s) { replace_s(bra, ket, s); ket = bra + s.length; }
  function slice_del() { slice_from(""); }

  // The routines of english.sbl, in the order of the generated code.
  function r_prelude() {
    B_Y_found = false;
    var v_1 = cursor;
    bra = cursor;
    if (cursor < limit && current.charAt(cursor) === "'") { cursor++; ket = cursor; slice_del(); }
    cursor = v_1;
    var v_2 = cursor;
    bra = cursor;
    if (cursor < limit && current.charAt(cursor) === "y") { cursor++; ket = cursor; slice_from("Y"); B_Y_found = true; }
    cursor = v_2;
    var v_3 = cursor;
    while (true) {
      var v_4 = cursor, found = false;
      while (true) {
        var v_5 = cursor;
        if (in_grouping(g_v)) {
          bra = cursor;
          if (cursor < limit && current.charAt(cursor) === "y") {
            cursor++; ket = cursor; cursor = v_5; found = true; break;
          }
        }
        cursor = v_5;
        if (cursor >= limit) break;
        cursor++;
      }
      if (!found) { cursor = v_4; break; }
      slice_from("Y");
      B_Y_found = true;
    }
    cursor = v_3;
  }

  function r_mark_regions() {
    I_p1 = limit;
    I_p2 = limit;
    var v_1 = cursor;
    lab0: {
      var v_2 = cursor;
      if (find_among(a_0) === 0) {
        cursor = v_2;
        if (!go_out_grouping(g_v)) break lab0;
        cursor++;
        if (!go_in_grouping(g_v)) break lab0;
        cursor++;
      }
      I_p1 = cursor;
      if (!go_out_grouping(g_v)) break lab0;
      cursor++;
      if (!go_in_grouping(g_v)) break lab0;
      cursor++;
      I_p2 = cursor;
    }
    cursor = v_1;
  }

  function r_shortv() {
    var v_1 = limit - cursor;
    if (out_grouping_b(g_v_WXY) && in_grouping_b(g_v) && out_grouping_b(g_v)) return true;
    cursor = limit - v_1;
    if (out_grouping_b(g_v) && in_grouping_b(g_v) && cursor <= limit_backward) return true;
    cursor = limit - v_1;
    return eq_s_b("past");
  }

  function r_R1() { return I_p1 <= cursor; }
  function r_R2() { return I_p2 <= cursor; }

  function r_Step_1a() {
    var v_1 = limit - cursor;
    ket = cursor;
    if (find_among_b(a_1) === 0) {
      cursor = limit - v_1;
    } else {
      bra = cursor;
      slice_del();
    }
    ket = cursor;
    var among_var = find_among_b(a_2);
    if (among_var === 0) return false;
    bra = cursor;
    if (among_var === 1) {
      slice_from("ss");
    } else if (among_var === 2) {
      var v_2 = limit - cursor;
      if (cursor - 2 >= limit_backward) {
        cursor -= 2;
        slice_from("i");
      } else {
        cursor = limit - v_2;
        slice_from("ie");
      }
    } else if (among_var === 3) {
      if (cursor <= limit_backward) return false;
      cursor--;
      if (!go_out_grouping_b(g_v)) return false;
      cursor--;
      slice_del();
    }
    return true;
  }

  function r_Step_1b() {
    ket = cursor;
    var among_var = find_among_b(a_5);
    bra = cursor;
    var v_1 = limit - cursor;
    lab0: {
      if (among_var === 1) {
        var v_2 = limit - cursor;
        if (r_R1()) {
          var v_3 = limit - cursor;
          if (!(find_among_b(a_3) !== 0 && cursor <= limit_backward)) {
            cursor = limit - v_3;
            slice_from("ee");
          }
        }
        cursor = limit - v_2;
      } else if (among_var === 2) {
        break lab0;
      } else if (among_var === 3) {
        among_var = find_among_b(a_4);
        if (among_var === 0) break lab0;
        if (among_var === 1) {
          var v_4 = limit - cursor;
          if (!out_grouping_b(g_v)) break lab0;
          if (cursor > limit_backward) break lab0;
          cursor = limit - v_4;
          bra = cursor;
          slice_from("ie");
        } else if (cursor > limit_backward) {
          break lab0;
        }
      }
      return true;
    }
    cursor = limit - v_1;
    var v_5 = limit - cursor;
    if (!go_out_grouping_b(g_v)) return false;
    cursor--;
    cursor = limit - v_5;
    slice_del();
    ket = cursor;
    bra = cursor;
    var v_6 = limit - cursor;
    among_var = find_among_b(a_6);
    if (among_var === 1) {
      slice_from("e");
      return false;
    } else if (among_var === 2) {
      var v_7 = limit - cursor;
      if (in_grouping_b(g_aeo) && cursor <= limit_backward) return false;
      cursor = limit - v_7;
    } else {
      if (cursor !== I_p1) return false;
      var v_8 = limit - cursor;
      if (!r_shortv()) return false;
      cursor = limit - v_8;
      slice_from("e");
      return false;
    }
    cursor = limit - v_6;
    ket = cursor;
    if (cursor <= limit_backward) return false;
    cursor--;
    bra = cursor;
    slice_del();
    return true;
  }

  function r_Step_1c() {
    ket = cursor;
    if (!char_b("y") && !char_b("Y")) return false;
    bra = cursor;
    if (!out_grouping_b(g_v)) return false;
    if (cursor <= limit_backward) return false;
    slice_from("i");
    return true;
  }

  var STEP_2 = [null, "tion", "ence", "ance", "able", "ent", "ize", "ate", "al", "ful", "ous", "ive", "ble", "og", null, "less"];
  function r_Step_2() {
    ket = cursor;
    var among_var = find_among_b(a_7);
    if (among_var === 0) return false;
    bra = cursor;
    if (!r_R1()) return false;
    if (among_var === 14) {
      if (!char_b("l")) return false;
      slice_from("og");
    } else if (among_var === 16) {
      if (!in_grouping_b(g_valid_LI)) return false;
      slice_del();
    } else {
      slice_from(STEP_2[among_var]);
    }
    return true;
  }

  var STEP_3 = [null, "tion", "ate", "al", "ic"];
  function r_Step_3() {
    ket = cursor;
    var among_var = find_among_b(a_8);
    if (among_var === 0) return false;
    bra = cursor;
    if (!r_R1()) return false;
    if (among_var <= 4) {
      slice_from(STEP_3[among_var]);
    } else if (among_var === 5) {
      slice_del();
    } else {
      if (!r_R2()) return false;
      slice_del();
    }
    return true;
  }

  function r_Step_4() {
    ket = cursor;
    var among_var = find_among_b(a_9);
    if (among_var === 0) return false;
    bra = cursor;
    if (!r_R2()) return false;
    if (among_var === 1) {
      slice_del();
    } else {
      if (!char_b("s") && !char_b("t")) return false;
      slice_del();
    }
    return true;
  }

  function r_Step_5() {
    ket = cursor;
    var among_var = find_among_b(a_10);
    if (among_var === 0) return false;
    bra = cursor;
    if (among_var === 1) {
      if (!r_R2()) {
        if (!r_R1()) return false;
        var v_1 = limit - cursor;
        if (r_shortv()) return false;
        cursor = limit - v_1;
      }
      slice_del();
    } else {
      if (!r_R2()) return false;
      if (!char_b("l")) return false;
      slice_del();
    }
    return true;
  }

  function r_exception1() {
    bra = cursor;
    var among_var = find_among(a_11);
    if (among_var === 0) return false;
    ket = cursor;
    if (cursor < limit) return false;
    if (among_var > 0) slice_from(as_11[among_var - 1]);
    return true;
  }

  function r_postlude() {
    if (!B_Y_found) return false;
    while (true) {
      var v_1 = cursor, found = false;
      while (true) {
        var v_2 = cursor;
        bra = cursor;
        if (cursor < limit && current.charAt(cursor) === "Y") {
          cursor++; ket = cursor; cursor = v_2; found = true; break;
        }
        cursor = v_2;
        if (cursor >= limit) break;
        cursor++;
      }
      if (!found) { cursor = v_1; break; }
      slice_from("y");
    }
    return true;
  }

  function stem() {
    var v_1 = cursor;
    if (r_exception1()) return;
    cursor = v_1;
    if (cursor + 3 > limit) return;  // words of one or two letters are left as they are
    cursor = v_1;
    r_prelude();
    r_mark_regions();
    limit_backward = cursor;
    cursor = limit;
    var steps = [r_Step_1a, r_Step_1b, r_Step_1c, r_Step_2, r_Step_3, r_Step_4, r_Step_5];
    for (var s = 0; s < steps.length; s++) {
      var v = limit - cursor;
      steps[s]();
      cursor = limit - v;
    }
    cursor = limit_backward;
    var v_9 = cursor;
    r_postlude();
    cursor = v_9;
  }

  return function (word) {
    current = word;
    cursor = 0;
    limit = word.length;
    limit_backward = 0;
    bra = cursor;
    ket = limit;
    stem();
    return current.slice(0, limit);
  };
})();
