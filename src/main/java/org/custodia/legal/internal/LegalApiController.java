package org.custodia.legal.internal;

import org.custodia.accounts.AccessLog;
import org.custodia.legal.NewSentence;
import org.custodia.legal.SentenceService;
import org.custodia.platform.Access;
import org.custodia.platform.Officials;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/people/{id}/sentences")
class LegalApiController {
    private final SentenceService sentences;
    private final AccessLog accessLog;

    LegalApiController(SentenceService sentences, AccessLog accessLog) {
        this.sentences = sentences;
        this.accessLog = accessLog;
    }

    @GetMapping
    @PreAuthorize(Access.PERSON_READERS)
    SentenceService.Sentences list(@PathVariable long id) {
        SentenceService.Sentences s = sentences.sentences(id, Officials.current());
        accessLog.record("READ_SENTENCES", "person", Long.toString(id), "api");
        return s;
    }

    @PostMapping
    @PreAuthorize(Access.RECORDS)
    @ResponseStatus(HttpStatus.CREATED)
    SentenceService.Sentences record(@PathVariable long id, @RequestBody NewSentence sentence) {
        return sentences.record(id, sentence, Officials.current());
    }
}
