package io.gridloop.hotline.privacy;

import io.gridloop.contracts.hotline.Contact;
import org.bson.Document;
import io.gridloop.hotline.HotlineSettings;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.convert.converter.Converter;
import org.springframework.data.convert.ReadingConverter;
import org.springframework.data.convert.WritingConverter;
import org.springframework.data.mongodb.core.convert.MongoCustomConversions;

import java.util.List;

/**
 * Every {@link Contact} the bridge stores (the citizen behind a 12345 order) is written with its name and phone
 * encrypted and read back decrypted, wherever it sits in a document: no code path can store it in the clear.
 */
@Configuration(proxyBeanMethods = false)
class ContactEncryption {

    @Bean
    ContactCipher contactCipher(HotlineSettings settings) {
        return new ContactCipher(settings.contactKey());
    }

    @Bean
    MongoCustomConversions contactConversions(ContactCipher cipher) {
        return new MongoCustomConversions(List.of(new Writing(cipher), new Reading(cipher)));
    }

    @WritingConverter
    record Writing(ContactCipher cipher) implements Converter<Contact, Document> {
        @Override
        public Document convert(Contact c) {
            return new Document("name", cipher.encrypt(c.name())).append("phone", cipher.encrypt(c.phone()))
                    .append("anonymous", c.anonymous());
        }
    }

    @ReadingConverter
    record Reading(ContactCipher cipher) implements Converter<Document, Contact> {
        @Override
        public Contact convert(Document d) {
            return new Contact(cipher.decrypt(d.getString("name")), cipher.decrypt(d.getString("phone")),
                    d.getBoolean("anonymous"));
        }
    }
}
