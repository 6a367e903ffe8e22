package org.perfbridge.config;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SecrecyTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "mongodb://perfbridge:s3cret@db1:27017,db2:27017/?authSource=admin | mongodb://perfbridge:****@db1:27017,db2:27017/?authSource=admin",
        "mongodb+srv://ops:p%40ss%3Aword@cluster0.example.net/alignak | mongodb+srv://ops:****@cluster0.example.net/alignak",
        "mongodb://reader@db1/?authMechanism=MONGODB-X509 | mongodb://reader@db1/?authMechanism=MONGODB-X509",
        "mongodb://db1:27017/?appName=perfbridge | mongodb://db1:27017/?appName=perfbridge",
        "mongodb://u:pw@db1/?replicaSet=rs0&tag=a@b | mongodb://u:****@db1/?replicaSet=rs0&tag=a@b",
    })
    void aUriShowsEverythingButItsPassword(String uri, String shown) {
        assertEquals(shown, Secrecy.URI_WITH_CREDENTIALS.shown(uri));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {"s3cret | ****", "root | ****"})
    void aSecretShowsNothingOfItself(String value, String shown) {
        assertEquals(shown, Secrecy.SECRET.shown(value));
    }
}
