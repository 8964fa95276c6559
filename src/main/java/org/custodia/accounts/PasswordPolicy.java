package org.custodia.accounts;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.passay.DictionaryRule;
import org.passay.LengthRule;
import org.passay.PasswordData;
import org.passay.PasswordValidator;
import org.passay.RepeatCharactersRule;
import org.passay.RuleResult;
import org.passay.UsernameRule;
import org.passay.dictionary.ArrayWordList;
import org.passay.dictionary.WordListDictionary;
import org.passay.dictionary.WordLists;
import org.passay.dictionary.sort.ArraysSort;
import org.springframework.stereotype.Component;

/**
 * What a password must be: 12 to 200 characters, not one of the 30,000 most common passwords of public breaches
 * (the list zxcvbn4j ships), not containing the user name, no run of five repeated characters. Passay does the
 * checking; we only choose the rules.
 */
@Component
class PasswordPolicy {
    static final int MIN = 12;
    static final int MAX = 200;
    private static final String COMMON = "/com/nulabinc/zxcvbn/matchers/dictionaries/passwords.txt";

    private final PasswordValidator validator;

    PasswordPolicy() {
        validator = new PasswordValidator(List.of(new LengthRule(MIN, MAX),
                new DictionaryRule(new WordListDictionary(common())), new UsernameRule(true, true),
                new RepeatCharactersRule(5, 1)));
    }

    private static ArrayWordList common() {
        try (InputStream in = PasswordPolicy.class.getResourceAsStream(COMMON)) {
            if (in == null) {
                throw new IllegalStateException("the common-password list is missing from the class path: " + COMMON);
            }
            return WordLists.createFromReader(new InputStreamReader[] {
                    new InputStreamReader(in, StandardCharsets.UTF_8)}, false, new ArraysSort());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Why the password is refused, or null when it is acceptable. */
    String problem(String username, String password) {
        if (password == null) {
            return "required";
        }
        RuleResult r = validator.validate(new PasswordData(username == null ? "" : username, password));
        if (r.isValid()) {
            return null;
        }
        return switch (r.getDetails().getFirst().getErrorCode()) {
            case LengthRule.ERROR_CODE_MIN, LengthRule.ERROR_CODE_MAX -> MIN + " to " + MAX + " characters";
            case DictionaryRule.ERROR_CODE -> "one of the most common passwords of public breaches: choose another";
            case UsernameRule.ERROR_CODE, UsernameRule.ERROR_CODE_REVERSED -> "must not contain the user name";
            default -> "must not repeat one character five times in a row";
        };
    }
}
